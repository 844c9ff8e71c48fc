/// A statement's period: one calendar month, written `YYYY-MM`.
public struct StatementPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Parses exactly `YYYY-MM`; anything else is nil.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), Day(year: year, month: month, day: 1) != nil else { return nil }
        self.year = year; self.month = month
    }

    /// The month that holds `day`.
    public init(containing day: Day) {
        let civil = day.civil
        year = civil.year; month = civil.month
    }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    /// The statement's run is as of this day.
    public var lastDay: Day { firstDay.adding(months: 1).adding(days: -1) }
    public var next: StatementPeriod { StatementPeriod(containing: firstDay.adding(months: 1)) }
    public var previous: StatementPeriod { StatementPeriod(containing: firstDay.adding(months: -1)) }

    /// Whole months from `self` to `other` (positive when `other` is later).
    public func months(to other: StatementPeriod) -> Int { (other.year - year) * 12 + other.month - month }

    public static func < (lhs: StatementPeriod, rhs: StatementPeriod) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public var description: String { String(year) + "-" + (month < 10 ? "0" : "") + String(month) }
}
