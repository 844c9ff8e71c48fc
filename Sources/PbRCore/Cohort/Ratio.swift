/// An exact fraction, for a cohort's rates and points: a rate is a count over a count, and a payment
/// rounded from a floating-point rate could differ by a penny from one tool to the next.
public struct Ratio: Hashable, Comparable, Sendable {
    public let numerator: Int128
    /// Always positive.
    public let denominator: Int128

    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "a ratio needs a denominator")
        self.numerator = denominator < 0 ? -numerator : numerator
        self.denominator = denominator < 0 ? -denominator : denominator
    }

    public init(basisPoints: Int) { self.init(Int128(basisPoints), 10_000) }

    public static let zero = Ratio(0, 1)

    public static func + (a: Ratio, b: Ratio) -> Ratio { Ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator).reduced }
    public static func - (a: Ratio, b: Ratio) -> Ratio { a + Ratio(-b.numerator, b.denominator) }
    public static func * (a: Ratio, b: Ratio) -> Ratio { Ratio(a.numerator * b.numerator, a.denominator * b.denominator).reduced }
    public static func < (a: Ratio, b: Ratio) -> Bool { a.numerator * b.denominator < b.numerator * a.denominator }

    /// The largest whole number not above the ratio.
    public var floor: Int128 {
        let quotient = numerator / denominator
        return numerator < 0 && quotient * denominator != numerator ? quotient - 1 : quotient
    }

    /// Two decimals, rounded half away from zero: `57.50`. For reading only; payments use `floor`.
    public var twoDecimals: String {
        let hundredths = (Ratio(numerator * 200 + (numerator < 0 ? -denominator : denominator), denominator * 2)).truncated
        let magnitude = hundredths.magnitude
        return (hundredths < 0 ? "-" : "") + String(magnitude / 100) + "." + (magnitude % 100 < 10 ? "0" : "") + String(magnitude % 100)
    }

    private var truncated: Int128 { numerator / denominator }

    private var reduced: Ratio {
        var a = numerator.magnitude, b = denominator.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        let divisor = Int128(a == 0 ? 1 : a)
        return Ratio(numerator / divisor, denominator / divisor)
    }
}
