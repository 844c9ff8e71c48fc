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

    /// Parses ISO 8601 with a zone: `2013-06-05T09:00:00+01:00`, `2013-06-05T08:00:00Z`,
    /// optionally with fractional seconds (dropped). A moment without a zone is refused.
    public init?(iso text: String) {
        let chars = Array(text.utf8)
        guard chars.count >= 20, let day = Day(iso: text.prefix(10)),
              chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " ") else { return nil }
        func two(_ at: Int) -> Int? {
            guard at + 1 < chars.count else { return nil }
            let a = Int(chars[at]) - 48, b = Int(chars[at + 1]) - 48
            guard (0...9).contains(a), (0...9).contains(b) else { return nil }
            return a * 10 + b
        }
        guard let hour = two(11), chars[13] == UInt8(ascii: ":"), let minute = two(14),
              chars[16] == UInt8(ascii: ":"), let second = two(17),
              hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        if index < chars.count, chars[index] == UInt8(ascii: ".") {
            index += 1
            while index < chars.count, (48...57).contains(chars[index]) { index += 1 }
        }
        guard index < chars.count else { return nil }
        var offsetSeconds = 0
        if chars[index] == UInt8(ascii: "Z") {
            guard index + 1 == chars.count else { return nil }
        } else {
            let sign = chars[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), index + 6 == chars.count,
                  let offHour = two(index + 1), chars[index + 3] == UInt8(ascii: ":"),
                  let offMinute = two(index + 4), offHour < 24, offMinute < 60 else { return nil }
            offsetSeconds = (offHour * 3600 + offMinute * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        let local = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(epochSeconds: local - Int64(offsetSeconds), text: text)
    }

    public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.epochSeconds < rhs.epochSeconds }
    public static func == (lhs: Moment, rhs: Moment) -> Bool { lhs.epochSeconds == rhs.epochSeconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(epochSeconds) }
    public var description: String { text }
}
