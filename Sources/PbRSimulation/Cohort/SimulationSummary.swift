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
            p5 = Self.percentile(sorted, basisPoints: 500); median = Self.percentile(sorted, basisPoints: 5_000)
            p95 = Self.percentile(sorted, basisPoints: 9_500)
        }

        /// The nearest-rank percentile of sorted values: the smallest that at least that share of them do not exceed.
        public static func percentile(_ sorted: [Money], basisPoints: Int) -> Money {
            sorted[max(0, (basisPoints * sorted.count + 9_999) / 10_000 - 1)]
        }
    }

    /// What an investment's investor gets back over the runs.
    public struct Investor: Sendable {
        public var investment: CohortModel.Investment
        /// Repaid less lent, in each run.
        public var gain: Spread
        /// The mean gain over the runs, rounded down to the penny.
        public var expectedGain: Money
        /// The share of runs in which less than the loan came back.
        public var chanceOfLoss: Double
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
    /// By payee with a stated cost: the gap at the model's working-capital confidence (95% by default).
    public var workingCapital: [ProviderID: Money] = [:]
    /// By payee with a stated cost: its running balance (the money arrived less its costs so far) at each
    /// month's end, over the runs: the cash-flow gap month by month.
    public var balances: [ProviderID: [Month]] = [:]
    public var workingCapitalConfidenceBasisPoints: Int
    public var investor: Investor?
    /// Every payee's income added up, by contract year: what the commissioner spends.
    public var spend: [(start: Day, spread: Spread)] = []
    /// Spend over the outcomes reached (a client and an outcome), rounded down to the penny.
    public var costPerOutcome: Spread?

    /// - Precondition: at least one run.
    public init(_ incomes: [RunIncome], contract: Contract, model: CohortModel) {
        runs = incomes.count
        workingCapitalConfidenceBasisPoints = model.workingCapitalConfidenceBasisPoints
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
            let running = incomes.map { income in
                var balance = Money.zero
                return calendar.map { month in
                    if month <= serviceEnd { balance -= cost }
                    balance += income.arriving[payee]?[month] ?? .zero
                    return balance
                }
            }
            balances[payee] = calendar.indices.map { index in Month(payee: payee, month: calendar[index], income: Spread(running.map { $0[index] })) }
            let deepest = running.map { Money.zero - min($0.min() ?? .zero, .zero) }
            gaps[payee] = Spread(deepest)
            workingCapital[payee] = Spread.percentile(deepest.sorted(), basisPoints: model.workingCapitalConfidenceBasisPoints)
        }
        if let investment = model.investment {
            let gains = incomes.map { income in
                investment.repaid(over: calendar, outcomes: income.outcomesArriving[investment.payee] ?? [:])
                    - investment.lent(over: calendar.count)
            }
            let total = gains.reduce(Int64(0)) { $0 + $1.pence }
            // The mean rounded down, towards minus infinity, to the penny.
            let mean = total >= 0 ? total / Int64(gains.count) : -((-total + Int64(gains.count) - 1) / Int64(gains.count))
            investor = Investor(investment: investment, gain: Spread(gains), expectedGain: Money(pence: mean),
                                chanceOfLoss: Double(gains.filter { $0 < .zero }.count) / Double(gains.count))
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
