#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One area's monthly counts against comparison areas', before and since a contract's start: a
/// difference in differences with area and month effects, and its placebo (permutation) p-value.
///
/// An area's expected count in a month is its share of the comparison areas' total in the months
/// before (the area effect) times their total that month (the month effect). Since the start, the
/// effect is the ratio of its observed count to that expectation, summed over the months so far, and
/// judged as a z-score on the log scale, `log(observed / expected)` over its Poisson standard error.
/// The placebo test asks each comparison area in turn the same question against the others: the
/// p-value is the share of all areas (the treated one counted) whose lowest z-score so far is at least
/// as low as the treated area's (Abadie, Diamond and Hainmueller's placebo test). Taking each area's
/// lowest z over the months so far keeps a month-by-month look honest: the placebos are looked at as
/// often as the area.
struct DifferenceInDifferences: Sendable {
    enum Harm: Sendable { case fall, rise }

    /// The treated area's counts, month by month: the months before the start, then those since.
    let treated: [Double]
    /// Each comparison area's counts over the same months.
    let comparison: [[Double]]
    /// How many of the months come before the contract's start.
    let before: Int
    let harm: Harm

    struct Look: Sendable, Equatable {
        /// The treated area's count since the start through this month, and what its share expected.
        var observed: Double
        var expected: Double
        /// The treated area's lowest z-score so far (signed so that harm is negative).
        var lowest: Double
        /// Placebo p-value: (1 + placebos at least as low) / (1 + placebos).
        var p: Double
    }

    /// What each month before the start was expected to hold: the area's share of the comparison's total.
    func fitted() -> [Double] {
        let pool = Self.pool(comparison)
        guard let share = Self.share(treated, pool, before: before) else { return treated.map { _ in 0 } }
        return pool.map { share * $0 }
    }

    /// One look for each month since the start.
    func looks() -> [Look] {
        let pool = Self.pool(comparison)
        let mine = Self.lowest(treated, pool, before: before, harm: harm)
        // Each placebo against the other comparison areas: their total without it.
        let placebos = comparison.map { area in Self.lowest(area, zip(pool, area).map(-), before: before, harm: harm) }
        return mine.indices.map { month in
            let low = placebos.filter { $0[month].lowest <= mine[month].lowest }.count
            return Look(observed: mine[month].observed, expected: mine[month].expected, lowest: mine[month].lowest,
                        p: Double(1 + low) / Double(1 + placebos.count))
        }
    }

    /// Each month's total of the areas.
    static func pool(_ areas: [[Double]]) -> [Double] {
        guard let first = areas.first else { return [] }
        return areas.dropFirst().reduce(first) { zip($0, $1).map(+) }
    }

    static func share(_ area: [Double], _ pool: [Double], before: Int) -> Double? {
        let theirs = pool.prefix(before).reduce(0, +)
        return theirs > 0 ? area.prefix(before).reduce(0, +) / theirs : nil
    }

    /// An area's running observed and expected counts since the start, and its lowest z-score so far.
    static func lowest(_ area: [Double], _ pool: [Double], before: Int, harm: Harm) -> [Look] {
        let share = share(area, pool, before: before) ?? 0
        let beforeCount = area.prefix(before).reduce(0, +)
        var observed = 0.0, expected = 0.0, lowest = Double.infinity
        return (before..<area.count).map { month in
            observed += area[month]
            expected += share * pool[month]
            // Half a count each side keeps an empty month finite; the standard error is that of a ratio of
            // two Poisson totals, the area's since the start and its own before.
            let effect = log((observed + 0.5) / (expected + 0.5))
            let z = effect / (1 / (observed + 0.5) + 1 / (beforeCount + 0.5)).squareRoot()
            lowest = min(lowest, harm == .fall ? z : -z)
            return Look(observed: observed, expected: expected, lowest: lowest, p: 1)
        }
    }
}
