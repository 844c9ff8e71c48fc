extension Money {
    /// The amount for people: a pound sign, thousands separators and exactly two decimals, exact from
    /// the pence: `£23,463,900.00`, `£0.05`, `-£1,234.50`. Files keep `description` (`1600.00`).
    public var sterling: String {
        let magnitude = pence.magnitude
        return (pence < 0 ? "-£" : "£") + groupedDigits(magnitude / 100) + "." + pad(Int(magnitude % 100), 2)
    }
}
