/// A calendar day with no time zone, the unit of every outcome rule.
///
/// Stored as the number of days since 1970-01-01 (proleptic Gregorian), so that adding days and
/// comparing days are integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// The day for a valid civil date; `nil` for a date that does not exist (2013-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses exactly `YYYY-MM-DD`; anything else, or a day that does not exist, is `nil`.
    public init?(iso text: some StringProtocol) {
        let day = text.utf8.withContiguousStorageIfAvailable(Day.init(isoBytes:))
            ?? Array(text.utf8).withUnsafeBufferPointer(Day.init(isoBytes:))
        guard let day else { return nil }
        self = day
    }

    /// `init(iso:)` from UTF-8 bytes: the one reading of a date, for the general way and for the
    /// importer's rows checked from their bytes alike. Inlinable: the importer reads every date of a
    /// national extract through it.
    @inlinable
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var civil: (year: Int, month: Int, day: Int) { Day.civilFromDays(Int(ordinal)) }
    public var year: Int { civil.year }

    /// `self + n` days.
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

    /// `self + n` months: the same day of the month, clamped to the last day of the target month
    /// (2012-08-31 + 6 months = 2013-02-28; 2011-08-31 + 6 months = 2012-02-29).
    public func adding(months: Int) -> Day {
        let (year, month, day) = civil
        let monthIndex = year * 12 + (month - 1) + months
        let targetYear = monthIndex / 12
        let targetMonth = monthIndex % 12 + 1
        let clamped = min(day, Day.daysIn(month: targetMonth, year: targetYear))
        return Day(year: targetYear, month: targetMonth, day: clamped)!
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { Int(other.ordinal - ordinal) }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `YYYY-MM-DD`, written straight into the string's storage: days are printed on every line.
    public var description: String {
        let (year, month, day) = civil
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, at end: Int, width: Int) {
                var value = value
                for at in stride(from: end, to: end - width, by: -1) {
                    buffer[at] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            put(year, at: 3, width: 4)
            put(month, at: 6, width: 2)
            put(day, at: 9, width: 2)
            buffer[4] = UInt8(ascii: "-")
            buffer[7] = UInt8(ascii: "-")
            return 10
        }
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
