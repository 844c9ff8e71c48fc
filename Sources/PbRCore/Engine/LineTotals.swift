/// How many lines and how much, by status: payable, pending (at what the lines will pay when they fall
/// due) and capped.
public struct LineTotals: Sendable, Equatable {
    public var payableLines = 0
    public var payable = Money.zero
    public var pendingLines = 0
    /// What the pending lines will pay when they fall due, before caps (they are written as 0.00).
    public var pendingValue = Money.zero
    public var cappedLines = 0
    /// What capped lines keep.
    public var capped = Money.zero

    public init() {}

    /// What the run found owed: the payable and the capped amounts together.
    public var owed: Money { payable + capped }
    public var lines: Int { payableLines + pendingLines + cappedLines }

    public mutating func add(_ line: Entitlement) {
        switch line.status {
        case .payable: payableLines += 1; payable += line.amount
        case .pending: pendingLines += 1; pendingValue += line.pendingAmount
        case .capped: cappedLines += 1; capped += line.amount
        }
    }

    public mutating func merge(_ other: LineTotals) {
        payableLines += other.payableLines; payable += other.payable
        pendingLines += other.pendingLines; pendingValue += other.pendingValue
        cappedLines += other.cappedLines; capped += other.capped
    }
}
