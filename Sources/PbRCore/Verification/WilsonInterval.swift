/// The 95% Wilson score interval of a proportion (`successes` of `trials`): a sample's error rate by
/// count with the range the provider's true rate likely lies in. Unlike the normal approximation it
/// stays within 0..1 and is not empty at 0 of n, which small samples often give.
///
/// Computed in `Double` (it is a statistic shown beside the money, never money) with z = 1.96, and kept
/// in basis points rounded to the nearest: the same inputs give the same text on every platform, since
/// IEEE 754 rounds + - * / and the square root exactly.
public struct WilsonInterval: Hashable, Sendable, CustomStringConvertible {
    public let lowBasisPoints: Int
    public let highBasisPoints: Int

    public static let z = 1.96

    public init(successes: Int, trials: Int) {
        precondition(trials > 0 && (0...trials).contains(successes), "a proportion needs trials and at most as many successes")
        let n = Double(trials), p = Double(successes) / n, z2 = Self.z * Self.z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = Self.z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        lowBasisPoints = Int((max(0, centre - half) * 10_000).rounded())
        highBasisPoints = Int((min(1, centre + half) * 10_000).rounded())
    }

    /// `6.15% to 79.23%`.
    public var description: String {
        Percent.text(basisPoints: lowBasisPoints) + " to " + Percent.text(basisPoints: highBasisPoints)
    }
}
