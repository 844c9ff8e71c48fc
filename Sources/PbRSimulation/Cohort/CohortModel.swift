import PbRCore

/// The parameters of a cohort a contract is priced on (`pbr simulate`): who is referred, who they are,
/// and the monthly chances of what happens to them in treatment and after. Chances are in basis points
/// (10,000 = 100%), so that a scenario file states them exactly. The defaults and their sources are in
/// docs/simulation.md; a scenario file overrides any of them (`ScenarioLoader`).
///
/// Not the edge-case extract of `pbr generate` (`SyntheticExtract`) nor the steady areas the
/// diagnostics are proved on (`PlantedHarmArea`): this one is meant to look like the clients a contract
/// will pay for.
public struct CohortModel: Sendable, Equatable {
    /// The providers referred to; each takes `referralsPerMonth`.
    public var providers = [ProviderID("P01")]
    public var referralsPerMonth = 30
    /// Whether each month's referrals vary (a Poisson count around `referralsPerMonth`) or are exactly that
    /// many (for a scenario whose outcomes are certain).
    public var referralsVary = true
    /// Months of referrals from the first day of the contract.
    public var referralMonths = 36
    /// Referrals that start treatment (the others are assessed and never start).
    public var startsBasisPoints = 8_500
    /// Days from referral to start, at most.
    public var maxWaitDays = 21
    /// Weights of bands 1 to 5 at assessment.
    public var bandWeights = [20, 25, 25, 20, 10]
    /// Presenting substances, each set with its weight.
    public var presenting: [PresentingMix] = [
        .init([.opiates, .crack], 30), .init([.opiates], 22), .init([.crack], 5), .init([.cocaine], 8),
        .init([.cannabis], 15), .init([.alcohol], 12), .init([.amphetamines], 3), .init([.alcohol, .cocaine], 5),
    ]
    /// Referred by criminal justice (and so eligible for the offending outcomes).
    public var criminalJusticeBasisPoints = 3_000
    /// A proven offence in the year before the start, among the others.
    public var offendedBeforeBasisPoints = 2_000
    /// Injecting at the start, among clients presenting with opiates or crack.
    public var injectingBasisPoints = 4_000
    /// An acute housing problem at the start.
    public var housingProblemBasisPoints = 2_500
    /// In paid work at the start.
    public var inWorkBasisPoints = 1_500
    /// Months between TOP reviews.
    public var reviewEveryMonths = 3
    public var monthly = MonthlyChances()
    /// Days from a line falling due to its payment reaching the payee (the data arriving, the statement
    /// issued and paid): what opens the cash-flow gap besides the contract's own lags.
    public var paymentLagDays = 30
    /// Days from a treatment fact (a review, a discharge, a start) to the extract that brings it: a line
    /// is paid once it is due and its evidence has arrived, so this delays a line achieved and due on
    /// the same day, not one whose due day already waits longer (an instalment, an offending window's
    /// data lag). It moves when money arrives, not the month a line falls due.
    public var dataLagDays = 0
    /// Each payee's cost a month, against which the chance of falling short and the cash-flow gap are told.
    public var monthlyCost: [ProviderID: Money] = [:]
    /// The confidence at which the working capital a payee needs is told: the cash-flow gap that this
    /// share of runs stays within.
    public var workingCapitalConfidenceBasisPoints = 9_500
    /// A social investment or loan financing one payee, repaid from its outcome payments.
    public var investment: Investment?

    public init() {}

    /// The model's chances by their keys in a scenario file (`monthly.` for the monthly ones), in basis points.
    public static var chances: [(key: String, path: WritableKeyPath<CohortModel, Int>)] {
        [("starts", \.startsBasisPoints), ("criminal_justice", \.criminalJusticeBasisPoints), ("offended_before", \.offendedBeforeBasisPoints),
         ("injecting", \.injectingBasisPoints), ("housing_problem", \.housingProblemBasisPoints), ("in_work", \.inWorkBasisPoints),
         ("monthly.abstinence", \.monthly.abstinence), ("monthly.relapse", \.monthly.relapse), ("monthly.leaving", \.monthly.leaving),
         ("monthly.completion", \.monthly.completion), ("monthly.representation", \.monthly.representation),
         ("monthly.offending", \.monthly.offending), ("monthly.death", \.monthly.death), ("monthly.stop_injecting", \.monthly.stopInjecting),
         ("monthly.housed", \.monthly.housed), ("monthly.work_activity", \.monthly.workActivity),
         ("monthly.hepatitis_b_course", \.monthly.hepatitisBCourse), ("monthly.wellbeing", \.monthly.wellbeing)]
    }

    /// A set of presenting substances and its weight among the referrals.
    public struct PresentingMix: Sendable, Equatable {
        public var substances: [Substance]
        public var weight: Int
        public init(_ substances: [Substance], _ weight: Int) { self.substances = substances; self.weight = weight }
    }

    /// A loan drawn from the contract's first day, repaid from a share of the payee's outcome payments as
    /// they arrive, as the Peterborough social impact bond's investors were repaid from outcome payments.
    public struct Investment: Sendable, Equatable {
        public var payee: ProviderID
        public var amount: Money
        /// The loan is drawn in equal parts on the first day of each of the contract's first this many
        /// months (the first parts taking the odd pennies); 1: all of it on the first day.
        public var drawnOverMonths = 1
        /// A year's interest on what is outstanding, in basis points; a twelfth is added each month,
        /// rounded down to the penny.
        public var interestBasisPoints: Int
        /// The share of each month's outcome payments paid to the investor until the loan and its
        /// interest are repaid.
        public var repaymentBasisPoints: Int
        public init(payee: ProviderID, amount: Money, interestBasisPoints: Int, repaymentBasisPoints: Int) {
            self.payee = payee; self.amount = amount; self.interestBasisPoints = interestBasisPoints
            self.repaymentBasisPoints = repaymentBasisPoints
        }

        /// What is drawn in each of the first `drawnOverMonths` months (at least one).
        public var parts: [Money] {
            let count = max(drawnOverMonths, 1)
            let (each, odd) = amount.pence.quotientAndRemainder(dividingBy: Int64(count))
            return (0..<count).map { Money(pence: each + ($0 < odd ? 1 : 0)) }
        }

        /// When the loan is drawn, in words.
        public var whenDrawn: String {
            drawnOverMonths == 1 ? "on the contract's first day" : "in \(drawnOverMonths) monthly parts from the contract's first day"
        }

        /// What is lent over `months` months from the contract's first.
        public func lent(over months: Int) -> Money { parts.prefix(months).reduce(.zero, +) }

        /// What the investor is repaid over `months`, given the payee's outcome payments arriving in each.
        /// Each month the part due is drawn, then interest is added on what is owed, then repaid.
        public func repaid(over months: [StatementPeriod], outcomes: [StatementPeriod: Money]) -> Money {
            let parts = parts
            var owed = Money.zero, repaid = Money.zero
            for (index, month) in months.enumerated() {
                if index < parts.count { owed += parts[index] }
                guard owed > .zero else { continue }
                owed += Money(pence: owed.pence * Int64(interestBasisPoints) / 120_000)
                let payment = min(owed, (outcomes[month] ?? .zero).share(basisPoints: repaymentBasisPoints))
                owed -= payment
                repaid += payment
            }
            return repaid
        }
    }

    /// What can happen to a client in a month, in basis points.
    public struct MonthlyChances: Sendable, Equatable {
        /// A client still using stops using every presenting substance.
        public var abstinence = 1_300
        /// An abstinent client uses again.
        public var relapse = 500
        /// A client leaves treatment (a successful completion when abstinent, with `completion`).
        public var leaving = 700
        /// Of abstinent leavers, those who complete successfully; the others drop out.
        public var completion = 8_600
        /// After a successful completion, the client is back in treatment that month.
        public var representation = 250
        /// A proven offence, for a client with an offending history or referred by criminal justice.
        public var offending = 250
        public var death = 8
        /// An injecting client stops injecting.
        public var stopInjecting = 1_000
        /// A client with a housing problem is housed.
        public var housed = 800
        /// A client out of work starts work or education (a work activity event).
        public var workActivity = 250
        /// An injecting client completes a hepatitis B vaccination course (once).
        public var hepatitisBCourse = 800
        /// Quality of life rises by 2 points (of 20).
        public var wellbeing = 1_500
        public init() {}
    }
}
