import PbRCore

/// A contract tried on simulated cohorts (`pbr simulate`): each run draws a cohort (`CohortSimulator`)
/// and the real engine evaluates it as of the day every line has fallen due; what each payee is paid is
/// then counted by the month each line falls due (the statement that pays it, the data being known) and
/// its contract year, and by the month the money arrives. There is no second payment model: the
/// lines are the engine's, the cohort shares `CohortOutcomes`', the block the ledger's `BlockSchedule`, the
/// attachment fees `AttachmentFees`.
public struct ContractSimulation: Sendable {
    /// The contract as it pays alone: peers it is paid once with are not simulated.
    public let versions: ContractVersions
    public let model: CohortModel
    /// The day every line of the contract can have fallen due: the runs are made as of it.
    public let asOf: Day
    /// Each month's block, by payee: the same in every run, so counted once.
    let blocks: [StatementPeriod: [ProviderID: Money]]

    /// - Throws: `LedgerRefusal` when the contract's block cannot be split among the cohort's providers.
    public init(versions: ContractVersions, model: CohortModel) throws(LedgerRefusal) {
        self.versions = ContractVersions(versions.versions.map { version in
            var alone = version
            alone.peers = []
            alone.paidOnceWith = []
            return alone
        })
        self.model = model
        asOf = versions.versions.map(\.settledOn).max()!
        var blocks: [StatementPeriod: [ProviderID: Money]] = [:]
        var month = StatementPeriod(containing: versions.first.start)
        while month.firstDay <= asOf {
            let contract = versions.inForce(on: month.firstDay)
            if let block = BlockSchedule.amount(for: month, contract: contract), block != .zero {
                blocks[month] = try BlockPayees.split(block, contract: contract,
                                                      providers: contract.providers.isEmpty ? Set(model.providers) : contract.providers)
            }
            month = month.next
        }
        self.blocks = blocks
    }

    /// Run `number`'s cohort: its seed is made from the simulation's and the run's number.
    public func cohort(_ number: Int, seed: UInt64) -> CohortSimulator {
        CohortSimulator(model: model, start: versions.first.start, through: asOf,
                        seed: seed &+ UInt64(number) &* 0xD1B5_4A32_D192_ED03)
    }

    /// What run `number` pays.
    public func run(_ number: Int, seed: UInt64) -> RunIncome {
        income(of: cohort(number, seed: seed).histories())
    }

    /// What the contract pays for these clients: outcome lines payable or capped as of `asOf` and the
    /// cohort outcomes' shares (both outcome income), each month's block, and the attachment fees.
    public func income(of histories: [ClientHistory]) -> RunIncome {
        var income = RunIncome()
        let contract = versions.first
        let report = versions.evaluate(histories, asOf: asOf)
        // A run has tens of thousands of lines and a few hundred due days: each payee's lines are first
        // summed by due day and the day they can be paid (the lines come payee by payee), then counted
        // by year and month once a day.
        var payee: ProviderID?
        var byDay: [Timing: Money] = [:]
        func countPayeesDays() {
            guard let payee else { return }
            for (timing, amount) in byDay {
                income.add(amount, to: .outcome, payee: payee, due: timing.due, payable: timing.payable, contract: contract,
                           lagDays: model.paymentLagDays)
            }
            byDay.removeAll(keepingCapacity: true)
        }
        // An outcome reached is a client and outcome whose parts are paid: its lines come together.
        var reached = 0
        var previous: (client: ClientID, outcome: OutcomeID)?
        // By index, so that no line is copied whole.
        let lines = report.lines
        for index in lines.indices where lines[index].status != .pending {
            if lines[index].providerID != payee {
                countPayeesDays()
                payee = lines[index].providerID
            }
            let due = lines[index].dueOn
            let known = model.dataLagDays == 0 ? due : max(due, lines[index].achievedOn.adding(days: model.dataLagDays))
            byDay[Timing(due: due, payable: known), default: .zero] += lines[index].amount
            let key = (client: lines[index].clientID, outcome: lines[index].outcomeID)
            if previous.map({ $0.client != key.client || $0.outcome != key.outcome }) ?? true { reached += 1 }
            previous = key
        }
        countPayeesDays()
        income.outcomesAchieved = reached
        // As the ledger owes them: by the version in force on the last day.
        let last = versions.inForce(on: asOf)
        // A cohort outcome's shares are outcome income, as the statements pay them.
        for share in CohortOutcomes.owed(last, CohortOutcomes.evaluate(last, histories, asOf: asOf), asOf: asOf) {
            // Its due day already waits for the data its cohort is measured on.
            income.add(share.amount, to: .outcome, payee: share.key.payee, due: share.dueOn, payable: share.dueOn, contract: contract,
                       lagDays: model.paymentLagDays)
        }
        for fee in AttachmentFees.owed(last, histories, asOf: asOf) {
            // Due on the journey's start: paid once the start has arrived.
            income.add(fee.amount, to: .attachment, payee: fee.key.payee, due: fee.dueOn, payable: fee.dueOn.adding(days: model.dataLagDays),
                       contract: contract, lagDays: model.paymentLagDays)
        }
        for (month, payees) in blocks {
            for (payee, amount) in payees {
                // A block is paid in its own month, whatever the data.
                income.add(amount, to: .block, payee: payee, due: month.firstDay, payable: month.firstDay, contract: contract, lagDays: 0)
            }
        }
        return income
    }

    /// When a line falls due, and when it can be paid: once due and its evidence has arrived.
    private struct Timing: Hashable {
        var due: Day
        var payable: Day
    }
}

/// What one run pays each payee, by contract year and component, and by the month it arrives.
public struct RunIncome: Sendable, Equatable {
    public enum Component: Sendable { case outcome, block, attachment }

    public struct Year: Hashable, Comparable, Sendable {
        public var payee: ProviderID
        /// The contract year's first day.
        public var start: Day
        public init(payee: ProviderID, start: Day) { self.payee = payee; self.start = start }
        public static func < (a: Year, b: Year) -> Bool { (a.payee, a.start) < (b.payee, b.start) }
    }

    public struct Amounts: Sendable, Equatable {
        public var outcome = Money.zero
        public var block = Money.zero
        public var attachment = Money.zero
        public var total: Money { outcome + block + attachment }
        public init() {}
    }

    /// By the contract year that holds each line's due day (a block's month).
    public var byYear: [Year: Amounts] = [:]
    /// Each payee's income by the month it falls due: the month whose statement pays it.
    public var byMonth: [ProviderID: [StatementPeriod: Money]] = [:]
    /// Each payee's income by the month the money arrives: `paymentLagDays` after it falls due and its
    /// data has arrived (`dataLagDays`).
    public var arriving: [ProviderID: [StatementPeriod: Money]] = [:]
    /// The outcome payments among them, from which an investment is repaid.
    public var outcomesArriving: [ProviderID: [StatementPeriod: Money]] = [:]
    /// Outcomes reached (a client and an outcome, any of its parts paid).
    public var outcomesAchieved = 0

    /// - Parameters:
    ///   - due: the day it falls due, which gives its contract year and month.
    ///   - payable: the day it can be paid, its data arrived; the money arrives `lagDays` later.
    mutating func add(_ amount: Money, to component: Component, payee: ProviderID, due: Day, payable: Day, contract: Contract, lagDays: Int) {
        let key = Year(payee: payee, start: contract.yearStart(containing: due))
        var amounts = byYear[key] ?? Amounts()
        switch component {
        case .outcome: amounts.outcome += amount
        case .block: amounts.block += amount
        case .attachment: amounts.attachment += amount
        }
        byYear[key] = amounts
        byMonth[payee, default: [:]][StatementPeriod(containing: due), default: .zero] += amount
        let arrival = StatementPeriod(containing: payable.adding(days: lagDays))
        arriving[payee, default: [:]][arrival, default: .zero] += amount
        if component == .outcome { outcomesArriving[payee, default: [:]][arrival, default: .zero] += amount }
    }
}
