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
        // Fields read in place: `for line in lines` would copy each line, retaining its text.
        lines.withUnsafeBufferPointer { lines in
            for line in lines.indices {
                let earnsOn = lines[line].earnsOn
                var index = years.firstIndex { $0.start <= earnsOn && earnsOn < $0.next }
                if index == nil {
                    let start = contract.yearStart(containing: earnsOn)
                    years.append((start, contract.yearStart(after: start), LineTotals()))
                    index = years.count - 1
                }
                years[index!].totals.add(status: lines[line].status, amount: lines[line].amount, pendingAmount: lines[line].pendingAmount)
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
