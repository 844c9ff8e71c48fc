/// A length of time as a contract states it: "6 months", "28 days".
public enum Period: Hashable, Sendable, CustomStringConvertible {
    case days(Int)
    case months(Int)

    /// The day this period after `day` (months clamp to the month's end).
    public func after(_ day: Day) -> Day {
        switch self {
        case .days(let n): day.adding(days: n)
        case .months(let n): day.adding(months: n)
        }
    }

    public var description: String {
        switch self {
        case .days(let n): n == 1 ? "1 day" : "\(n) days"
        case .months(let n): n == 1 ? "1 month" : "\(n) months"
        }
    }
}
