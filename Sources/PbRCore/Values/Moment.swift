/// A moment in time, as an extract's `known_at` states it: seconds since 1970-01-01T00:00:00Z.
///
/// Kept with the text it was read from, so that what the extract said is what the system shows.
public struct Moment: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let epochSeconds: Int64
    public let text: String

    public init(epochSeconds: Int64, text: String) {
        self.epochSeconds = epochSeconds
        self.text = text
    }

    /// Parses ISO 8601 with a zone: `2013-06-05T09:00:00+01:00`, `2013-06-05T08:00:00Z`, `2013-06-05T09:00+0100`,
    /// `2013-06-05 09:00:00.250+01`. Seconds and fractions are optional (fractions are dropped); a moment
    /// without a zone is refused, since it would mean a different instant in summer and winter.
    public init?(iso text: String) {
        let chars = Array(text.utf8)
        guard chars.count >= 17, let day = Day(iso: text.prefix(10)),
              chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " ") else { return nil }
        func two(_ at: Int) -> Int? {
            guard at + 1 < chars.count else { return nil }
            let a = Int(chars[at]) - 48, b = Int(chars[at + 1]) - 48
            guard (0...9).contains(a), (0...9).contains(b) else { return nil }
            return a * 10 + b
        }
        guard let hour = two(11), chars[13] == UInt8(ascii: ":"), let minute = two(14), hour < 24, minute < 60 else { return nil }
        var index = 16, second = 0
        if index < chars.count, chars[index] == UInt8(ascii: ":") {
            guard let value = two(index + 1), value < 61 else { return nil }
            second = value
            index += 3
            if index < chars.count, chars[index] == UInt8(ascii: ".") || chars[index] == UInt8(ascii: ",") {
                index += 1
                while index < chars.count, (48...57).contains(chars[index]) { index += 1 }
            }
        }
        guard let offsetSeconds = Moment.zoneOffset(chars[index...]) else { return nil }
        let local = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(epochSeconds: local - Int64(offsetSeconds), text: text)
    }

    /// `Z`, `+HH:MM`, `+HHMM` or `+HH` (or `-`), as seconds east of UTC; `nil` for anything else.
    private static func zoneOffset(_ zone: ArraySlice<UInt8>) -> Int? {
        guard let sign = zone.first else { return nil }
        if sign == UInt8(ascii: "Z") { return zone.count == 1 ? 0 : nil }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = zone.dropFirst().filter { $0 != UInt8(ascii: ":") }
        let colons = zone.count - 1 - digits.count
        guard digits.count == 2 || digits.count == 4, colons == (digits.count == 4 && zone.count == 6 ? 1 : 0),
              digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let values = digits.map { Int($0) - 48 }
        let hours = values[0] * 10 + values[1], minutes = values.count == 4 ? values[2] * 10 + values[3] : 0
        guard hours < 24, minutes < 60 else { return nil }
        return (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
    }

    public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.epochSeconds < rhs.epochSeconds }
    public static func == (lhs: Moment, rhs: Moment) -> Bool { lhs.epochSeconds == rhs.epochSeconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(epochSeconds) }
    public var description: String { text }
}
