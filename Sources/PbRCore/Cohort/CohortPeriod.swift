/// One cohort's span: the journeys that start from `from` to `to` (both included).
public struct CohortPeriod: Hashable, Sendable {
    /// 1, 2, ... in order from the contract's start: the `part` of the cohort's statement lines.
    public var number: Int
    /// `2012/13 Q1`, `2012/13`, or `all`: how the contract and the explanation name it.
    public var label: String
    public var from: Day
    public var to: Day

    public init(number: Int, label: String, from: Day, to: Day) {
        self.number = number; self.label = label; self.from = from; self.to = to
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}

extension Contract {
    /// The cohorts of a grouping, from the contract's start to `outcomes_until`: a contract that starts
    /// or ends inside a quarter or a year has a shorter first or last cohort.
    public func cohortPeriods(_ grouping: CohortOutcome.Grouping) -> [CohortPeriod] {
        var spans: [(label: String, from: Day, to: Day)] = []
        switch grouping {
        case .contract:
            spans = [("all", start, outcomesUntil)]
        case .contractYear:
            spans = yearStarts.map { (Contract.yearLabel(startingOn: $0), $0, yearStart(after: $0).adding(days: -1)) }
        case .quarter:
            for year in yearStarts {
                for quarter in 0..<4 {
                    spans.append(("\(Contract.yearLabel(startingOn: year)) Q\(quarter + 1)", year.adding(months: 3 * quarter),
                                  year.adding(months: 3 * quarter + 3).adding(days: -1)))
                }
            }
        }
        return spans.compactMap { span -> (String, Day, Day)? in
            let from = max(span.from, start), to = min(span.to, outcomesUntil)
            return from <= to ? (span.label, from, to) : nil
        }.enumerated().map { CohortPeriod(number: $0.offset + 1, label: $0.element.0, from: $0.element.1, to: $0.element.2) }
    }
}
