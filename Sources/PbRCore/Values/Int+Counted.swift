extension Int {
    /// The number with thousands separators: `3,000`, `-1,234`.
    public var grouped: String { (self < 0 ? "-" : "") + groupedDigits(UInt64(magnitude)) }

    /// A count that says what it counts: `3,000 clients`, `1 exception`, `41 payable lines`.
    /// - Parameters:
    ///   - noun: what one of them is called (`client`, `payable line`).
    ///   - plural: what more than one is called; default: `noun` and an `s`.
    public func counted(_ noun: String, plural: String? = nil) -> String {
        grouped + " " + (self == 1 ? noun : plural ?? noun + "s")
    }
}

/// The decimal digits of a number with a comma before each group of three from the right:
/// `23463900` gives `23,463,900`.
func groupedDigits(_ value: UInt64) -> String {
    let digits = String(value)
    var out = ""
    out.reserveCapacity(digits.count + digits.count / 3)
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return out
}
