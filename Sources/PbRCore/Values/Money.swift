/// An exact amount in pence. Never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let pence: Int64

    public init(pence: Int64) { self.pence = pence }
    public static let zero = Money(pence: 0)

    /// Parses pounds as written in a contract or a statement: `300`, `300.5`, `1600.00`, `-12.34`.
    /// More than two decimals is refused rather than rounded.
    public init?(pounds text: some StringProtocol) {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
              parts[0].count <= 15, let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = Int64(digits)! * (digits.count == 1 ? 10 : 1)
        }
        let pence = whole * 100 + fraction
        self.pence = negative ? -pence : pence
    }

    /// Pounds with exactly two decimals and no separators: `1600.00`, `-0.05`.
    public var description: String {
        let sign = pence < 0 ? "-" : ""
        let magnitude = pence.magnitude
        return sign + String(magnitude / 100) + "." + pad(Int(magnitude % 100), 2)
    }

    /// This amount times `basisPoints` / 10,000, rounded down to the penny (towards zero).
    public func share(basisPoints: Int) -> Money {
        Money(pence: pence * Int64(basisPoints) / 10_000)
    }

    /// Splits the amount into parts by basis points: each part is rounded down to the penny and the
    /// last part takes the remainder, so the parts always add up to the whole.
    public func split(basisPoints shares: [Int]) -> [Money] {
        precondition(!shares.isEmpty, "a split needs at least one share")
        var parts = shares.dropLast().map { share(basisPoints: $0) }
        parts.append(self - parts.reduce(.zero, +))
        return parts
    }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
    public static prefix func - (amount: Money) -> Money { Money(pence: -amount.pence) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
