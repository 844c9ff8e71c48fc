/// Totals of a run by contract year, the year that holds each line's earning day (`earnsOn`: an
/// instalment's due day, else the achievement day, as caps count it), beside the contract's results
/// budget for the year.
public struct YearTotals: Sendable {
    public struct Row: Sendable, Equatable {
        /// The contract year's first day.
        public var start: Day
        public var totals = LineTotals()
        /// `Contract.resultsBudget(yearStarting:)`: nil when the contract gives no budget for the year.
        public var resultsBudget: Money?

        /// The budget less what the run found owed in the year (payable and capped; pending lines are not
        /// counted): negative when the year is over its budget.
        public var budgetLeft: Money? { resultsBudget.map { $0 - totals.owed } }
    }

    /// Every contract year from the contract's start to `outcomes_until`, and any other year that holds a
    /// line or a finance year, in order.
    public var rows: [Row]

    public var total: LineTotals { rows.reduce(into: LineTotals()) { $0.merge($1.totals) } }
    /// The budgets of the years that have one, added up; nil when none has.
    public var totalResultsBudget: Money? { sum(rows.compactMap(\.resultsBudget)) }
    /// The years' `budgetLeft`, added up over the years that have a budget; nil when none has.
    public var totalBudgetLeft: Money? { sum(rows.compactMap(\.budgetLeft)) }

    /// - Parameter lines: any order.
    public init(_ lines: [Entitlement], contract: Contract) {
        // A handful of years and millions of lines: find each line's year among those seen so far by its
        // days, and work a year out only for the first line in it.
        var years: [(start: Day, next: Day, totals: LineTotals)] = []
        for line in lines {
            if let index = years.firstIndex(where: { $0.start <= line.earnsOn && line.earnsOn < $0.next }) {
                years[index].totals.add(line)
            } else {
                let start = contract.yearStart(containing: line.earnsOn)
                var totals = LineTotals()
                totals.add(line)
                years.append((start, contract.yearStart(after: start), totals))
            }
        }
        let starts = Set(contract.yearStarts + contract.finance.years.map { contract.yearStart(containing: $0.from) }
                         + years.map(\.start)).sorted()
        rows = starts.map { start in
            Row(start: start, totals: years.first { $0.start == start }?.totals ?? LineTotals(),
                resultsBudget: contract.resultsBudget(yearStarting: start))
        }
    }

    private func sum(_ amounts: [Money]) -> Money? { amounts.isEmpty ? nil : amounts.reduce(.zero, +) }
}
