/// The figures of a contract the diagnostics watch around: its reviews' minimum gap, and its
/// completion's instalment days (the last ends its window).
extension Contract {
    /// The smallest minimum gap of its sustained-review outcomes, in days (28 in the reference framework).
    public var minimumReviewGap: Int {
        let gaps = outcomes.compactMap { rule -> Int? in
            guard case .topSustained(let sustained) = rule.kind else { return nil }
            switch sustained.minGap {
            case .days(let days): return days
            case .months(let months): return months * 30
            }
        }
        return gaps.min() ?? 28
    }

    /// The months after a successful completion at which any completion outcome pays an instalment, in
    /// order (3, 6, 9 and 12 in the reference framework); 12 where none is in months.
    public var completionInstalmentMonths: [Int] {
        let months = outcomes.flatMap { rule -> [Int] in
            guard case .completion(let completion) = rule.kind else { return [] }
            return completion.instalments.compactMap { instalment -> Int? in
                if case .months(let months) = instalment.after, months > 0 { return months }
                return nil
            }
        }
        return months.isEmpty ? [12] : Set(months).sorted()
    }
}
