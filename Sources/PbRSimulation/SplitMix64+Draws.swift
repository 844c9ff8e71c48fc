import PbRCore

// Draws the simulation uses millions of times; concrete (not generic) so they stay cheap.
extension SplitMix64 {
    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < probability
    }

    /// A uniform integer in `range` (Lemire's multiply-high; its bias is below 2^-40 for our ranges).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(width.multipliedFullWidth(by: next()).high)
    }

    /// A uniform `Int32` in `range`.
    mutating func int32(_ range: ClosedRange<Int32>) -> Int32 {
        Int32(int(Int(range.lowerBound)...Int(range.upperBound)))
    }

    /// A uniform day in `range`, both ends included.
    mutating func day(_ range: ClosedRange<Day>) -> Day {
        Day(ordinal: Int32(int(Int(range.lowerBound.ordinal)...Int(range.upperBound.ordinal))))
    }

    /// A uniform real number in 0 ..< 1 scaled into `range`.
    mutating func double(_ range: Range<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) * 0x1p-53 * (range.upperBound - range.lowerBound)
    }
}
