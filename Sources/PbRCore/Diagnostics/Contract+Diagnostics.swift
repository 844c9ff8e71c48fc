/// The two figures of a contract the diagnostics watch around: its reviews' minimum gap and its
/// completion window.
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

    /// The longest completion window: its last instalment's months (12 in the reference framework).
    public var completionWindowMonths: Int {
        let windows = outcomes.compactMap { rule -> Int? in
            guard case .completion(let completion) = rule.kind else { return nil }
            return completion.instalments.compactMap { instalment -> Int? in
                if case .months(let months) = instalment.after { return months }
                return nil
            }.max()
        }
        return windows.max() ?? 12
    }
}
