import PbRCore
import PbRSimulation
import Testing

/// The comparison diagnostic on an area against 39 clean comparison areas drawn like it: a fall in the
/// area's starts is flagged; a fall every area shares is not, though the area's own CUSUM sees it.
@Suite("Diagnostics: comparison areas")
struct ComparisonAreasTests {
    /// One provider, so that the pilots' odds ratio of 0.17 halves the area's starts (from a chance of
    /// 0.8 to 0.4).
    static func area(_ harm: PlantedHarm) -> PlantedHarmArea {
        var area = PlantedHarmArea()
        area.providers = ["P02"]
        area.referralsPerMonth = 160
        area.harm = harm
        return area
    }

    static let clean = area(.none).comparisonAreas()

    func alerts(_ harm: PlantedHarm, against areas: ComparisonAreas) -> [String: [String]] {
        let area = Self.area(harm)
        let report = AreaDiagnostics.run(area.histories(), contract: PlantedHarmDiagnosticsTests.contract, asOf: area.through, comparison: areas)
        return Dictionary(uniqueKeysWithValues: report.diagnostics.map { diagnostic in
            (diagnostic.id, diagnostic.alerts.map { "\($0.provider?.rawValue ?? "area") \($0.firstMonth)" })
        })
    }

    @Test func theAreasStartsHalvingIsFlaggedAgainstTheComparisonAreasInTheFirstMonth() {
        let found = alerts(.startsFall(oddsRatio: 0.17), against: Self.clean)
        #expect(found["comparison"] == ["area 2012-04"], "\(found)")
    }

    @Test func aHalvingEveryAreaSharesIsNotFlaggedAgainstThem() {
        let found = alerts(.startsFall(oddsRatio: 0.17), against: Self.area(.none).comparisonAreas(startsScaled: 0.5))
        #expect(found["comparison"] == [], "\(found)")
        // Against its own past alone, the area's starts fell.
        #expect(found["starts"]?.contains("area 2012-04") == true, "\(found)")
    }

    @Test func aCleanAreaRaisesNoComparisonAlert() {
        #expect(alerts(.none, against: Self.clean)["comparison"] == [])
    }

    @Test func withTooFewComparisonAreasTheComparisonSaysSoAndStaysQuiet() {
        let area = Self.area(.startsFall(oddsRatio: 0.17))
        let report = AreaDiagnostics.run(area.histories(), contract: PlantedHarmDiagnosticsTests.contract, asOf: area.through,
                                         comparison: Self.area(.none).comparisonAreas(10))
        let comparison = report.diagnostics.first { $0.id == "comparison" }!
        #expect(comparison.alerts.isEmpty)
        #expect(comparison.series.map(\.note) == ["starts: not monitored: 10 comparison areas have a figure for every month; the placebo test needs 39",
                                                  "completions: not monitored: 10 comparison areas have a figure for every month; the placebo test needs 39"])
    }
}
