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
        add(status: line.status, amount: line.amount, pendingAmount: line.pendingAmount)
    }

    /// A line's part, from its fields: a caller that reads them in place need not copy the line.
    public mutating func add(status: Entitlement.Status, amount: Money, pendingAmount: Money) {
        switch status {
        case .payable: payableLines += 1; payable += amount
        case .pending: pendingLines += 1; pendingValue += pendingAmount
        case .capped: cappedLines += 1; capped += amount
        }
    }

    public mutating func merge(_ other: LineTotals) {
        payableLines += other.payableLines; payable += other.payable
        pendingLines += other.pendingLines; pendingValue += other.pendingValue
        cappedLines += other.cappedLines; capped += other.capped
    }
}
