import PbRCore

/// Numbers, days and amounts written straight as bytes, the same text as their `description`: an
/// entitlements file has millions of them, and a `String` made for each was most of its writing.
extension CSVWriter.RowBuilder {
    /// As `String(number)`.
    public mutating func field(_ number: Int) {
        separate()
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(number.magnitude)
    }

    /// As `Day.description`: `YYYY-MM-DD`.
    public mutating func field(_ day: Day) {
        separate()
        let (year, month, dayOfMonth) = day.civil
        appendFixed(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendFixed(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendFixed(dayOfMonth, width: 2)
    }

    /// As `Money.description`: pounds with exactly two decimals, `-` before a negative amount.
    public mutating func field(_ amount: Money) {
        separate()
        if amount.pence < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = amount.pence.magnitude
        appendDigits(UInt(magnitude / 100))
        bytes.append(UInt8(ascii: "."))
        appendFixed(Int(magnitude % 100), width: 2)
    }

    /// The decimal digits of `value`, at least one.
    private mutating func appendDigits(_ value: UInt) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, more than a UInt has
        withUnsafeMutableBytes(of: &digits) { room in
            var value = value, at = room.count
            repeat {
                at -= 1
                room[at] = UInt8(48 + value % 10)
                value /= 10
            } while value > 0
            bytes.append(contentsOf: room[at...])
        }
    }

    /// Exactly `width` digits of `value`, as `Day.description` writes its parts: zero-padded on the left.
    private mutating func appendFixed(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var value = value
        while divisor > 0 {
            bytes.append(UInt8(48 + (value / divisor) % 10))
            value %= divisor
            divisor /= 10
        }
    }
}
