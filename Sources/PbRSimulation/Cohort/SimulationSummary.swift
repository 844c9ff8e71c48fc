import PbRCore

/// What many runs of a contract say (`pbr simulate`): for each payee, its income by contract year and by
/// the month it falls due (the 5th percentile, the median and the 95th), the chance that a year's income
/// falls below its stated cost, and the cash-flow gap (the most its costs run ahead of the money as it
/// arrives, `paymentLagDays` after falling due); for the commissioner,
/// spend by year and cost per outcome reached. Percentiles are nearest-rank, so every figure is a run's
/// own amount, exact to the penny.
public struct SimulationSummary: Sendable {
    public struct Spread: Sendable, Equatable {
        public var p5: Money
        public var median: Money
        public var p95: Money

        /// - Precondition: at least one value.
        public init(_ values: [Money]) {
            precondition(!values.isEmpty, "a spread of no runs")
            let sorted = values.sorted()
            func rank(_ percent: Int) -> Money { sorted[max(0, (percent * sorted.count + 99) / 100 - 1)] }
            p5 = rank(5); median = rank(50); p95 = rank(95)
        }
    }

    public struct Year: Sendable {
        public var payee: ProviderID
        public var start: Day
        public var income: Spread
        /// The year's stated cost (12 months of the payee's monthly cost), where the scenario gives one.
        public var cost: Money?
        /// The share of runs whose income in the year fell below its cost.
        public var belowCost: Double?
    }

    public struct Month: Sendable {
        public var payee: ProviderID
        public var month: StatementPeriod
        public var income: Spread
    }

    public var runs: Int
    public var years: [Year] = []
    public var months: [Month] = []
    /// By payee with a stated cost: the most its cumulative costs ran ahead of its cumulative income, in
    /// each run. Its 95th percentile is the working capital that survives 19 runs in 20.
    public var gaps: [ProviderID: Spread] = [:]
    /// Every payee's income added up, by contract year: what the commissioner spends.
    public var spend: [(start: Day, spread: Spread)] = []
    /// Spend over the outcomes reached (a client and an outcome), rounded down to the penny.
    public var costPerOutcome: Spread?

    /// - Precondition: at least one run.
    public init(_ incomes: [RunIncome], contract: Contract, model: CohortModel) {
        runs = incomes.count
        let payees = Set(incomes.flatMap { $0.byYear.keys.map(\.payee) }).sorted()
        let starts = Set(contract.yearStarts + incomes.flatMap { $0.byYear.keys.map(\.start) }).sorted()
        let serviceYears = Set(contract.yearStarts)
        for payee in payees {
            let cost = model.monthlyCost[payee]
            for start in starts {
                let totals = incomes.map { $0.byYear[RunIncome.Year(payee: payee, start: start)]?.total ?? .zero }
                let yearCost = cost.flatMap { serviceYears.contains(start) ? Money(pence: $0.pence * 12) : nil }
                years.append(Year(payee: payee, start: start, income: Spread(totals), cost: yearCost,
                                  belowCost: yearCost.map { limit in Double(totals.filter { $0 < limit }.count) / Double(totals.count) }))
            }
        }
        let allMonths = Set(incomes.flatMap { $0.arriving.values.flatMap(\.keys) }).union([StatementPeriod(containing: contract.start)])
        let first = allMonths.min()!, last = allMonths.max()!
        var calendar: [StatementPeriod] = []
        var month = first
        while month <= last { calendar.append(month); month = month.next }
        for payee in payees {
            months += calendar.map { month in
                Month(payee: payee, month: month, income: Spread(incomes.map { $0.byMonth[payee]?[month] ?? .zero }))
            }
            guard let cost = model.monthlyCost[payee] else { continue }
            let serviceEnd = StatementPeriod(containing: contract.outcomesUntil)
            gaps[payee] = Spread(incomes.map { income in
                var balance = Money.zero, deepest = Money.zero
                for month in calendar {
                    if month <= serviceEnd { balance -= cost }
                    balance += income.arriving[payee]?[month] ?? .zero
                    if balance < deepest { deepest = balance }
                }
                return Money.zero - deepest
            })
        }
        spend = starts.map { start in
            (start, Spread(incomes.map { income in
                income.byYear.filter { $0.key.start == start }.values.reduce(Money.zero) { $0 + $1.total }
            }))
        }
        let perOutcome = incomes.compactMap { income -> Money? in
            guard income.outcomesAchieved > 0 else { return nil }
            let total = income.byYear.values.reduce(Money.zero) { $0 + $1.total }
            return Money(pence: total.pence / Int64(income.outcomesAchieved))
        }
        costPerOutcome = perOutcome.isEmpty ? nil : Spread(perOutcome)
    }
}
