/// The arithmetic of one cohort's payment, every step kept so that the explanation can show it:
/// improvement in percentage points = 100 × (rate − baseline); threshold in points; the points paid;
/// amount = price per point × points paid, rounded down to the penny, then the cap, then `net_of`.
public struct CohortPayment: Hashable, Sendable {
    public var rate: Ratio
    public var baseline: Ratio
    /// 100 × (rate − baseline).
    public var improvement: Ratio
    public var threshold: Ratio
    public var met: Bool
    public var paidPoints: Ratio
    /// Price per point × points paid, rounded down to the penny.
    public var beforeCap: Money
    /// After the cohort's cap.
    public var capped: Money
    /// What the `net_of` outcome owes for the same journeys, taken off (zero when none).
    public var netOf: Money
    /// What the cohort is owed: never below zero.
    public var amount: Money

    public init(_ outcome: CohortOutcome, rate: Ratio, baseline: Ratio, netOf: Money = .zero) {
        self.rate = rate
        self.baseline = baseline
        let hundred = Ratio(100, 1)
        improvement = hundred * (rate - baseline)
        switch outcome.threshold {
        case .points(let basisPoints): threshold = Ratio(Int128(basisPoints), 100)
        case .fewerFailures(let basisPoints): threshold = hundred * Ratio(basisPoints: basisPoints) * (Ratio(1, 1) - baseline)
        }
        met = improvement > .zero && !(improvement < threshold)
        paidPoints = !met ? .zero : outcome.pays == .pointsAboveThreshold ? improvement - threshold : improvement
        let beforeCap = Money(pence: Int64((Ratio(Int128(outcome.pricePerPoint.pence), 1) * paidPoints).floor))
        self.beforeCap = beforeCap
        capped = outcome.cap.map { min($0, beforeCap) } ?? beforeCap
        self.netOf = netOf
        amount = max(.zero, capped - netOf)
    }

    /// The working in one line: `57.50% against 50.00%: 7.50 points, threshold 5.00, 2.50 points paid × 1000.00 = 2500.00`.
    public func working(_ outcome: CohortOutcome) -> String {
        var text = "\(rate.percent) against \(baseline.percent): \(improvement.twoDecimals) points, threshold \(threshold.twoDecimals)"
        guard met else { return text + ": threshold not met, nothing paid" }
        text += ", \(paidPoints.twoDecimals) points paid × \(outcome.pricePerPoint) = \(beforeCap)"
        if capped != beforeCap { text += ", capped at \(capped)" }
        if netOf != .zero { text += ", less \(netOf) paid by \(outcome.netOf?.rawValue ?? "another outcome") = \(amount)" }
        return text
    }
}

extension Ratio {
    /// A rate as a percentage with two decimals: `57.50%`.
    public var percent: String { (Ratio(100, 1) * self).twoDecimals + "%" }
}
