import PbRCore
import PbRSimulation
import Testing

/// Each diagnostic on a synthetic area with a harm planted at P02 from the contract's start: it flags
/// the harm at P02 within 3 months; on clean data nothing is flagged.
@Suite("Diagnostics: planted harms")
struct PlantedHarmDiagnosticsTests {
    /// A contract whose reviews fall due when the planted area's do.
    static let contract: Contract = {
        var contract = Contract(id: "test", name: "", start: Day(year: 2012, month: 4, day: 1)!, outcomesUntil: Day(year: 2016, month: 3, day: 31)!,
                                outcomes: [])
        contract.reviewsDueEvery = PlantedHarmArea().reviewsDueEvery
        return contract
    }()

    func diagnose(_ harm: PlantedHarm, seed: UInt64 = 1, through: String = "2012-06-30", from: Day? = nil) -> DiagnosticsReport {
        var area = PlantedHarmArea()
        area.harm = harm
        area.harmFrom = from
        area.seed = seed
        area.through = Day(iso: through)!
        return AreaDiagnostics.run(area.histories(), contract: Self.contract, asOf: area.through)
    }

    func flagged(_ report: DiagnosticsReport) -> [String] {
        report.diagnostics.flatMap { diagnostic in
            diagnostic.alerts.map { "\(diagnostic.id) \($0.provider?.rawValue ?? "area") \($0.firstMonth)" }
        }
    }

    @Test(arguments: [PlantedHarm.startsFall(oddsRatio: 0.17), .creaming(kept: 0), .selfReport(to: 0.5), .reviewBunching(share: 0.5),
                      .heldRepresentations(share: 1), .dischargesBeforeReview(share: 1)])
    func aPlantedHarmIsFlaggedAtItsProviderWithinThreeMonths(_ harm: PlantedHarm) {
        let report = diagnose(harm)
        let alerts = report.diagnostics.first { $0.id == harm.diagnostic }!.alerts
        #expect(alerts.contains { $0.provider == ProviderID("P02") && $0.firstMonth <= StatementPeriod("2012-06")! }, "\(flagged(report))")
        #expect(!alerts.contains { $0.provider != nil && $0.provider != ProviderID("P02") }, "\(flagged(report))")
    }

    /// Twice the deaths at P02 for as long as the data goes back: the funnel against the other providers
    /// flags it in the contract's first month.
    @Test func aProviderWithTwiceTheDeathsIsFlaggedAgainstTheOthers() {
        let report = diagnose(.deaths(ratio: 2), from: Day(year: 2009, month: 4, day: 1)!)
        let alerts = report.diagnostics.first { $0.id == "deaths" }!.alerts
        #expect(alerts.map { "\($0.provider?.rawValue ?? "area") \($0.firstMonth)" } == ["P02 2012-04"], "\(flagged(report))")
    }

    @Test func cleanDataRaisesNoAlert() {
        let report = diagnose(.none)
        #expect(flagged(report) == [])
    }
}
