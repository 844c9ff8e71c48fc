import PbRCore

/// How a contract's outcome spend moves when each of the cohort's chances moves by a stated share of
/// itself, the others held (`pbr simulate --sensitivity 20%`): each chance is run lower and higher on the
/// same seeds as the base (common random numbers), and the chances are ranked by the swing between the
/// two: the tornado chart.
public struct Sensitivity: Sendable {
    public struct Row: Sendable {
        /// The scenario key: `starts`, `monthly.completion`, ...
        public var parameter: String
        /// The chance lower and higher, in basis points.
        public var low: Int
        public var high: Int
        /// The mean outcome income over the runs, all payees and years, at each.
        public var incomeLow: Money
        public var incomeHigh: Money
        public var swing: Money { incomeHigh > incomeLow ? incomeHigh - incomeLow : incomeLow - incomeHigh }
    }

    /// The mean outcome income at the scenario's own chances.
    public var base: Money
    /// Widest swing first.
    public var rows: [Row]
    /// The move, as a share of each chance, in basis points.
    public var moveBasisPoints: Int

    /// - Parameters:
    ///   - move: the share of each chance it moves by, in basis points (2,000: 20%), kept within 0..100%.
    ///   - progress: called as each run finishes.
    public static func run(_ simulation: ContractSimulation, runs: Int, seed: UInt64, move: Int,
                           progress: (@Sendable () -> Void)? = nil) throws(LedgerRefusal) -> Sensitivity {
        var models = [simulation.model]
        for (_, path) in CohortModel.chances {
            for sign in [-1, 1] {
                var model = simulation.model
                let value = model[keyPath: path]
                model[keyPath: path] = min(10_000, max(0, value + sign * value * move / 10_000))
                models.append(model)
            }
        }
        let simulations = try models.map { (model) throws(LedgerRefusal) in try ContractSimulation(versions: simulation.versions, model: model) }
        let incomes = concurrentMap(simulations.count * runs) { index in
            let income = simulations[index / runs].run(index % runs + 1, seed: seed).byYear.values.reduce(Int64(0)) { $0 + $1.outcome.pence }
            progress?()
            return income
        }
        func mean(_ model: Int) -> Money {
            let total: Int64 = incomes[(model * runs)..<((model + 1) * runs)].reduce(0, +)
            return Money(pence: total / Int64(runs))
        }
        var rows: [Row] = []
        for (index, parameter) in CohortModel.chances.enumerated() {
            let low = models[1 + 2 * index][keyPath: parameter.path], high = models[2 + 2 * index][keyPath: parameter.path]
            rows.append(Row(parameter: parameter.key, low: low, high: high, incomeLow: mean(1 + 2 * index), incomeHigh: mean(2 + 2 * index)))
        }
        // Widest swing first; equal swings in the model's order (a stable sort).
        let order = rows.indices.sorted { rows[$0].swing != rows[$1].swing ? rows[$0].swing > rows[$1].swing : $0 < $1 }
        return Sensitivity(base: mean(0), rows: order.map { rows[$0] }, moveBasisPoints: move)
    }
}
