/// The sign-in rate limit: after `maxFailures` failed attempts on one name (or from one address) within
/// `windowSeconds`, further attempts are refused until the oldest failure leaves the window. Pure: the
/// caller passes the time, so tests never sleep.
public struct LoginThrottle: Sendable {
    public var maxFailures: Int
    public var windowSeconds: Double
    private var failures: [String: [Double]] = [:]

    public init(maxFailures: Int = 5, windowSeconds: Double = 15 * 60) {
        self.maxFailures = maxFailures; self.windowSeconds = windowSeconds
    }

    /// The keys an attempt counts against: the name (any case) and, when known, the address.
    public static func keys(name: String, address: String?) -> [String] {
        ["name:" + name.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }

    /// Seconds until an attempt may be made on these keys; 0 when it may be made now.
    public mutating func wait(_ keys: [String], now: Double) -> Double {
        var longest = 0.0
        for key in keys {
            let recent = (failures[key] ?? []).filter { $0 > now - windowSeconds }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= maxFailures { longest = max(longest, recent[recent.count - maxFailures] + windowSeconds - now) }
        }
        return longest
    }

    public mutating func failed(_ keys: [String], now: Double) {
        for key in keys { failures[key, default: []].append(now) }
    }

    /// A success clears the name's failures (not the address's: one address may be guessing many names).
    public mutating func succeeded(_ keys: [String]) {
        for key in keys where key.hasPrefix("name:") { failures[key] = nil }
    }
}
