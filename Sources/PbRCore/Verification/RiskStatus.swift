/// How a provider stands on its past samples, and so how much of its paid lines the next sample takes.
/// The error rate is by count: the lines not confirmed among every line sampled from the provider in
/// the contract's closed samples of earlier periods. A provider never sampled is green.
public enum RiskStatus: String, Hashable, Sendable, CaseIterable {
    /// Up to 5% not confirmed: sampled at the stated rate.
    case green
    /// Over 5%, up to 10%: twice the stated rate.
    case amber
    /// Over 10%: four times the stated rate.
    case red

    /// The status of `notConfirmed` lines out of `sampled`, compared exactly (no rounding).
    public init(notConfirmed: Int, sampled: Int) {
        precondition(notConfirmed >= 0 && notConfirmed <= sampled, "more lines not confirmed than sampled")
        if notConfirmed * 100 <= 5 * sampled {
            self = .green
        } else if notConfirmed * 100 <= 10 * sampled {
            self = .amber
        } else {
            self = .red
        }
    }

    /// How many times the stated rate a provider of this status is sampled at.
    public var multiplier: Int {
        switch self {
        case .green: 1
        case .amber: 2
        case .red: 4
        }
    }

    /// The rate this status samples at, from the stated rate, never over 100%.
    public func rate(statedBasisPoints: Int) -> Int { min(10_000, statedBasisPoints * multiplier) }
}
