/// Who a TOP- or event-based outcome is open to: presenting substances and baseline answers.
public struct Eligibility: Sendable {
    /// Each of these must be among the journey's presenting substances.
    public var presenting: [Substance]
    /// The baseline must satisfy every one of these.
    public var baselineAll: [TopCondition]
    /// The baseline must satisfy at least one of these (when there are any).
    public var baselineAny: [TopCondition]
    /// True when the outcome needs a baseline even with no baseline condition (every top_sustained).
    public var needsBaseline: Bool

    public init(presenting: [Substance] = [], baselineAll: [TopCondition] = [], baselineAny: [TopCondition] = [],
                needsBaseline: Bool = false) {
        self.presenting = presenting; self.baselineAll = baselineAll; self.baselineAny = baselineAny
        self.needsBaseline = needsBaseline
    }

    /// `nil` when eligible, else the reason it is not.
    func refusal(_ journey: JourneyContext) -> String? {
        let presenting = journey.journey.presenting
        if self.presenting.contains(where: { !presenting.contains($0) }) {
            return "a substance the outcome needs is not presenting"
        }
        let readsBaseline = needsBaseline || !baselineAll.isEmpty || !baselineAny.isEmpty
        guard readsBaseline else { return nil }
        guard let baseline = journey.baseline else { return "no baseline TOP" }
        if baselineAll.contains(where: { !$0.holds(for: baseline.values, baseline: baseline.values, presenting: presenting) }) {
            return "the baseline does not meet every eligibility condition"
        }
        if !baselineAny.isEmpty,
           !baselineAny.contains(where: { $0.holds(for: baseline.values, baseline: baseline.values, presenting: presenting) }) {
            return "the baseline meets none of the eligibility conditions"
        }
        return nil
    }
}
