/// A payment-by-results contract: what it pays for, at what price, between which days, to whom.
public struct Contract: Sendable {
    public var id: String
    public var name: String
    /// Journeys that start on or after this day are covered.
    public var start: Day
    /// Lines earn only when their earning day is on or before this day.
    public var outcomesUntil: Day
    /// Contract years begin on this month and day (1 April for the reference contract).
    public var yearStartMonth: Int
    public var yearStartDay: Int
    /// An episode starting at most this many days after the journey's latest end continues the journey.
    public var journeyGapDays: Int
    /// When set, every line is paid to the prime provider and names the subcontractor that earned it.
    public var primeProvider: ProviderID?
    public var outcomes: [OutcomeRule]
    public var exclusiveGroups: [ExclusiveGroup]
    public var caps: [Cap]
    public var finance: Finance
    /// For an amendment (a later version of the same contract id): the first day it decides. What was
    /// achieved before it is priced by the version before. Nil for a first version.
    public var effectiveFrom: Day?
    /// Outcomes another programme's claims block or reduce (one result, one payment).
    public var claimRules: [ClaimRule] = []
    /// The providers whose episodes the contract covers; empty for every provider in the journal.
    /// Several contracts in one area each name theirs, so that one provider's result is paid once.
    public var providers: Set<ProviderID> = []
    /// Take in clients already in treatment on the start day: a journey open on it counts, its clocks
    /// starting on the contract's start day.
    public var takesClientsInTreatment = false
    /// Other contracts in the same area that may pay the same outcome (by id) for the same client: the
    /// contract that reached it first pays it, the others do not (`paid_once_with`).
    public var paidOnceWith: [String] = []
    /// Those contracts' versions, filled in from the store before a run (`ContractRegistry`): a file
    /// names them, the store holds them.
    public var peers: [PeerContract] = []
    /// How long after a client's last TOP (start or review) the next review falls due (DOMAIN.md: about
    /// every 6 months): the day around which the diagnostics watch for discharges timed to avoid it.
    public var reviewsDueEvery = Period.months(6)
    /// Outcomes paid on a cohort's rate (`kind: cohort_rate`), evaluated over every client at once
    /// (`CohortOutcomes`), not client by client.
    public var cohortOutcomes: [CohortOutcome] = []
    /// How the independent assessor bands a client (`banding`): complexity factors with points, point
    /// ranges mapped to bands. Nil when the contract leaves banding to the assessments it is sent.
    public var banding: BandingRules?

    /// The client's journeys this contract covers: episodes at its providers, linked; those that start on
    /// or after its start, and those open on it when it takes in clients already in treatment.
    public func journeys(_ episodes: [Episode]) -> [Journey] {
        let covered = providers.isEmpty ? episodes : episodes.filter { providers.contains($0.providerID) }
        return Journey.link(covered, gapDays: journeyGapDays).compactMap { journey in
            if journey.start >= start { return journey }
            guard takesClientsInTreatment, journey.end.map({ $0 >= start }) ?? true else { return nil }
            return journey.clocksStarting(on: start)
        }
    }

    public init(id: String, name: String, start: Day, outcomesUntil: Day, yearStartMonth: Int = 4,
                yearStartDay: Int = 1, journeyGapDays: Int = 21, primeProvider: ProviderID? = nil,
                outcomes: [OutcomeRule], exclusiveGroups: [ExclusiveGroup] = [], caps: [Cap] = [],
                finance: Finance = Finance(), effectiveFrom: Day? = nil) {
        self.id = id; self.name = name; self.start = start; self.outcomesUntil = outcomesUntil
        self.yearStartMonth = yearStartMonth; self.yearStartDay = yearStartDay
        self.journeyGapDays = journeyGapDays; self.primeProvider = primeProvider; self.outcomes = outcomes
        self.exclusiveGroups = exclusiveGroups; self.caps = caps; self.finance = finance
        self.effectiveFrom = effectiveFrom
    }

    /// The first day of the contract year that holds `day`.
    public func yearStart(containing day: Day) -> Day {
        let year = day.year
        let thisYear = Day(year: year, month: yearStartMonth, day: yearStartDay)!
        return day >= thisYear ? thisYear : Day(year: year - 1, month: yearStartMonth, day: yearStartDay)!
    }
}

/// A contract of the same area whose results this one does not pay again.
public struct PeerContract: Sendable {
    public var id: String
    public var versions: ContractVersions
    public init(id: String, versions: ContractVersions) { self.id = id; self.versions = versions }
}

/// One outcome the contract pays for.
public struct OutcomeRule: Sendable {
    public enum Domain: String, Sendable, CaseIterable {
        case freeFromDrugs = "free_from_drugs", employment, offending, health
    }

    public enum Stage: String, Sendable, CaseIterable { case interim, final }

    public var id: OutcomeID
    public var domain: Domain
    public var stage: Stage
    /// The price for each band; a contract must price every band.
    public var prices: [Band: Money]
    public var kind: OutcomeKind

    public init(id: OutcomeID, domain: Domain, stage: Stage = .interim, prices: [Band: Money], kind: OutcomeKind) {
        self.id = id; self.domain = domain; self.stage = stage; self.prices = prices; self.kind = kind
    }
}

/// Outcomes of which a client is paid at most the highest price (D1-abstinent and D1-alcohol-reduced).
public struct ExclusiveGroup: Sendable {
    public var id: String
    public var outcomes: [OutcomeID]
    public init(id: String, outcomes: [OutcomeID]) { self.id = id; self.outcomes = outcomes }
}

/// A limit on what outcomes pay, for one outcome or for all of them: in one contract year across
/// clients (`per_year`), or for one client over the whole contract (`per_client`).
public struct Cap: Sendable {
    public var outcome: OutcomeID?
    /// The cap's amount.
    public var limit: Money
    public var perClient: Bool
    public init(outcome: OutcomeID?, perYear: Money) { self.outcome = outcome; self.limit = perYear; self.perClient = false }
    public init(outcome: OutcomeID?, perClient: Money) { self.outcome = outcome; self.limit = perClient; self.perClient = true }
}

/// The contract's value and how it is paid: the share on results, the block and attachment payments.
/// Informative for the entitlements run; statements and simulation read it.
public struct Finance: Sendable {
    public struct Year: Sendable {
        public var from: Day
        public var annualValue: Money
        public var resultsShareBasisPoints: Int
        public init(from: Day, annualValue: Money, resultsShareBasisPoints: Int) {
            self.from = from; self.annualValue = annualValue; self.resultsShareBasisPoints = resultsShareBasisPoints
        }
    }
    public var years: [Year]
    /// How the part not paid on results is paid: `monthly_block`, `attachment` (a fee per journey
    /// started), or `none` (outside these statements: the reference framework prices outcomes only).
    public var remainder: String
    public var attachmentFees: [Band: Money]
    /// Each provider's share of the block, in basis points adding up to 10,000, for a contract with
    /// several providers and no prime; empty when the block has one payee.
    public var blockShares: [ProviderID: Int]
    public init(years: [Year] = [], remainder: String = "monthly_block", attachmentFees: [Band: Money] = [:],
                blockShares: [ProviderID: Int] = [:]) {
        self.years = years; self.remainder = remainder; self.attachmentFees = attachmentFees; self.blockShares = blockShares
    }
}
