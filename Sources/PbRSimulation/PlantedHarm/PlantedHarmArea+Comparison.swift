import PbRCore

extension PlantedHarmArea {
    /// Clean areas to compare this one against: each a single provider, `C01` to `C39`, of its own
    /// size (a sixteenth to three eighths of this area's referrals) and seed, over the baseline's first
    /// month to the last day simulated. What the demo and the tests give `--comparison`.
    /// - Parameter change: each area's starts are scaled by it from the contract's start (1: none), as
    ///   when the whole country's starts fall.
    public func comparisonAreas(_ count: Int = 39, startsScaled change: Double = 1) -> ComparisonAreas {
        var areas = ComparisonAreas()
        let total = referralsPerMonth * providers.count
        for number in 1...count {
            var area = self
            area.providers = ["C\(number < 10 ? "0" : "")\(number)"]
            area.referralsPerMonth = max(1, total / 16 + total * (number % 6) / 16)
            // Starts scaled by `change` from a chance of 0.8 is an odds ratio of change / (5 - 4 change).
            area.harm = change == 1 ? .none : .startsFall(oddsRatio: change / (5 - 4 * change))
            area.harmAt = area.providers[0]
            area.harmFrom = nil
            area.seed = seed &+ 7_919 &* UInt64(number)
            let months = StatementPeriod(containing: contractStart.adding(months: -24))...StatementPeriod(containing: through)
            areas.set(area: "A\(number < 10 ? "0" : "")\(number)", ComparisonFigures.of(area.histories(), months: months, asOf: through))
        }
        return areas
    }
}
