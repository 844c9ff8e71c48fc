import PbRCore

/// Prices that make a contract's expected outcome spend in one contract year meet a results pot
/// (`pbr tariff solve`): the outcomes' prices scaled together, keeping their relative weights (or some
/// held fixed), on simulated cohorts through the real engine. Exact: the scale is a fraction of whole
/// pence, every price is rounded to the penny, and the expected spend is the runs' total over their
/// number. Then, where whole pence leave the spend off the pot, single prices of outcomes paid whole
/// (not in instalments, not in an exclusive group, under no cap) move by a few pence to close it.
public struct TariffSolver: Sendable {
    public let versions: ContractVersions
    public let model: CohortModel
    /// The first day of the contract year whose spend meets the pot.
    public let year: Day
    public let pot: Money
    /// Outcomes whose prices stay as they are.
    public let fixed: Set<OutcomeID>
    public let runs: Int
    public let seed: UInt64

    public init(versions: ContractVersions, model: CohortModel, year: Day, pot: Money, fixed: Set<OutcomeID>, runs: Int, seed: UInt64) {
        self.versions = versions; self.model = model; self.year = year; self.pot = pot; self.fixed = fixed; self.runs = runs; self.seed = seed
    }

    public struct Result: Sendable {
        /// The first day of the contract year solved for.
        public var year: Day
        /// The solved prices, by outcome (the contract's order) and band.
        public var prices: [(outcome: OutcomeID, prices: [Band: Money])]
        /// The runs' outcome spend in the year, added up: the expected spend is this over `runs`.
        public var totalPence: Int64
        public var runs: Int
        /// The year's outcome spend, run by run.
        public var spread: SimulationSummary.Spread
        /// The share of runs whose spend in the year fell below the pot: the provider paid less than it.
        public var belowPot: Double
        /// How far the expected spend is from the pot, in pence (a fraction when the runs' total does not divide).
        public var offPence: Double
    }

    /// What each run spends in the year, and how many lines paid each price in full over all the runs.
    struct Evaluation {
        var spend: [Int64]
        var wholeLines: [Cell: Int64]
        var total: Int64 { spend.reduce(0, +) }
    }

    struct Cell: Hashable { var outcome: OutcomeID; var band: Band }

    /// - Throws: `LedgerRefusal` when the contract's block cannot be split among the cohort's providers.
    public func solve() throws(LedgerRefusal) -> Result {
        let base = versions.versions.last!
        let scaled = base.outcomes.map(\.id).filter { !fixed.contains($0) }
        let target = pot.pence * Int64(runs)
        // The spend is the fixed outcomes' plus the scaled ones' times the scale, nearly: measure both.
        let atNothing = try evaluate(scale(base, numerator: 0, denominator: 1, outcomes: scaled)).total
        let atOne = try evaluate(base).total
        let variable = max(atOne - atNothing, 1)
        var numerator = target - atNothing
        var contract = scale(base, numerator: numerator, denominator: variable, outcomes: scaled)
        var evaluation = try evaluate(contract)
        // Rounding to the penny bends the line a little: a few secant steps on the same cohorts.
        for _ in 0..<4 where evaluation.total != target {
            numerator += target - evaluation.total
            contract = scale(base, numerator: numerator, denominator: variable, outcomes: scaled)
            evaluation = try evaluate(contract)
        }
        for _ in 0..<3 where abs(target - evaluation.total) > Int64(runs) {
            contract = tune(contract, by: target - evaluation.total, lines: evaluation.wholeLines, outcomes: Set(scaled))
            evaluation = try evaluate(contract)
        }
        let spend = evaluation.spend.map { Money(pence: $0) }
        return Result(year: year, prices: contract.outcomes.map { ($0.id, $0.prices) }, totalPence: evaluation.total, runs: runs,
                      spread: SimulationSummary.Spread(spend), belowPot: Double(spend.filter { $0 < pot }.count) / Double(runs),
                      offPence: Double(evaluation.total - target) / Double(runs))
    }

    /// The contract with the scaled outcomes' prices times numerator / denominator, each rounded to the
    /// penny (halves up).
    func scale(_ contract: Contract, numerator: Int64, denominator: Int64, outcomes: [OutcomeID]) -> Contract {
        var contract = contract
        for index in contract.outcomes.indices where outcomes.contains(contract.outcomes[index].id) {
            contract.outcomes[index].prices = contract.outcomes[index].prices.mapValues { price in
                Money(pence: max(0, (2 * price.pence * numerator + denominator) / (2 * denominator)))
            }
        }
        return contract
    }

    /// Moves the prices of outcomes paid whole by whole pence so that the runs' total comes as near the
    /// target as one or two prices moved by up to 5p each can bring it (their lines change the total
    /// exactly: each pays its price once).
    func tune(_ contract: Contract, by shortfall: Int64, lines: [Cell: Int64], outcomes: Set<OutcomeID>) -> Contract {
        let grouped = Set(contract.exclusiveGroups.flatMap(\.outcomes))
        let whole = Set(contract.outcomes.filter { rule in
            if case .completion = rule.kind { return false }
            return outcomes.contains(rule.id) && !grouped.contains(rule.id) && contract.caps.isEmpty
        }.map(\.id))
        let cells = lines.filter { whole.contains($0.key.outcome) && $0.value > 0 }
            .sorted { ($0.key.outcome.rawValue, $0.key.band.value) < ($1.key.outcome.rawValue, $1.key.band.value) }
        // The one or two moves that leave the least: (left, first cell and pence, second cell and pence).
        var best = (left: abs(shortfall), moves: [(Int, Int64)]())
        let steps: [Int64] = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]
        for a in cells.indices {
            for da in steps {
                let afterA = shortfall - da * cells[a].value
                if abs(afterA) < best.left { best = (abs(afterA), [(a, da)]) }
                for b in cells.indices where b > a {
                    for db in steps where abs(afterA - db * cells[b].value) < best.left {
                        best = (abs(afterA - db * cells[b].value), [(a, da), (b, db)])
                    }
                }
            }
        }
        var contract = contract
        for (cell, pence) in best.moves {
            let key = cells[cell].key
            guard let index = contract.outcomes.firstIndex(where: { $0.id == key.outcome }), let price = contract.outcomes[index].prices[key.band],
                  price.pence + pence >= 0 else { continue }
            contract.outcomes[index].prices[key.band] = Money(pence: price.pence + pence)
        }
        return contract
    }

    /// Every run with the contract as its last version: its outcome spend in the year (by due day, as
    /// `runs.csv` counts it), and the lines that paid a price in full.
    func evaluate(_ contract: Contract) throws(LedgerRefusal) -> Evaluation {
        let simulation = try ContractSimulation(versions: ContractVersions(versions.versions.dropLast() + [contract]), model: model)
        let year = year, next = contract.yearStart(after: year)
        let results = concurrentMap(runs) { index in
            let histories = simulation.cohort(index + 1, seed: seed).histories()
            var spend: Int64 = 0
            var whole: [Cell: Int64] = [:]
            for line in simulation.versions.evaluate(histories, asOf: simulation.asOf).lines
            where line.status != .pending && line.dueOn >= year && line.dueOn < next {
                spend += line.amount.pence
                let cell = Cell(outcome: line.outcomeID, band: line.band)
                if contract.outcomes.first(where: { $0.id == line.outcomeID })?.prices[line.band] == line.amount { whole[cell, default: 0] += 1 }
            }
            return (spend, whole)
        }
        return Evaluation(spend: results.map(\.0), wholeLines: results.reduce(into: [:]) { total, run in
            for (cell, count) in run.1 { total[cell, default: 0] += count }
        })
    }
}
