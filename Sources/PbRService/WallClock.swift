import Foundation
import PbRCore

/// Where the use cases read the time: the system's clock, or a fixed one in tests, so that "has this
/// month ended?" and every issue moment can be tested on any day.
public struct WallClock: Sendable {
    public let now: @Sendable () -> Date

    public init(_ now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = WallClock { Date() }

    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }

    /// The moment, as the store writes it (ISO 8601, UTC).
    public var timestamp: String { ISO8601DateFormatter().string(from: now()) }

    /// Today's calendar day in UTC.
    public var today: Day {
        let civil = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now())
        return Day(year: civil.year!, month: civil.month!, day: civil.day!)!
    }
}
