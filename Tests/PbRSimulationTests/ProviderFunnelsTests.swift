import PbRCore
import PbRSimulation
import Testing

/// The providers compared in funnel plots, and creaming by how fast, on synthetic areas: a provider
/// that stops starting band 4-5 clients, or starts them slowly, is named; one that always creamed is
/// seen by the funnel where a CUSUM has no change to see; clean areas stay quiet.
@Suite("Diagnostics: providers compared")
struct ProviderFunnelsTests {
    static let contract = PlantedHarmDiagnosticsTests.contract
    static let p02 = ProviderID("P02")

    func diagnose(_ harm: PlantedHarm, seed: UInt64 = 1, from: Day? = nil, through: String = "2012-06-30") -> DiagnosticsReport {
        PlantedHarmDiagnosticsTests().diagnose(harm, seed: seed, through: through, from: from)
    }

    func diagnostic(_ id: String, _ report: DiagnosticsReport) -> Diagnostic { report.diagnostics.first { $0.id == id }! }

    func plot(_ diagnostic: Diagnostic, _ title: String) -> FunnelPlot? { diagnostic.funnels.first { $0.figureTitle.contains(title) } }

    func named(_ diagnostic: Diagnostic) -> [String] {
        diagnostic.alerts.map { "\($0.provider?.rawValue ?? "area")\($0.band.map { " band \($0)" } ?? "") \($0.firstMonth)" }
    }

    /// From the contract's start P02 starts no band 4-5 client (only those re-presenting): its CUSUM
    /// names it (the funnel, counting from the baseline's first month, is for lasting differences).
    @Test func aProviderThatStopsStartingBand4And5ClientsIsNamedByCreaming() throws {
        let creaming = diagnostic("creaming", diagnose(.creaming(kept: 0)))
        #expect(creaming.alerts.compactMap(\.provider) == [Self.p02], "\(named(creaming))")
        let alert = try #require(creaming.alerts.first { $0.provider == Self.p02 })
        #expect(alert.firstMonth <= StatementPeriod("2012-06")! && alert.message.hasPrefix("band 4-5 clients were"))
        let funnel = try #require(plot(creaming, "band 4 or 5"))
        #expect(funnel.months == StatementPeriod("2010-04")!...StatementPeriod("2012-06")!)
        #expect(funnel.points.count == 4)
    }

    /// P02 has started a quarter of its band 4-5 clients since long before the baseline: nothing changes
    /// for its CUSUM to see, but against the other providers it is outside the funnel.
    @Test func aProviderThatAlwaysCreamedIsOutsideTheBand4And5Funnel() throws {
        let creaming = diagnostic("creaming", diagnose(.creaming(kept: 0.25), from: Day(iso: "2009-04-01")!))
        let cusum = try #require(creaming.series.first { $0.provider == Self.p02 && $0.note == nil })
        #expect(!cusum.points.contains { $0.statistic > (cusum.threshold ?? .infinity) })
        let alert = try #require(creaming.alerts.first { $0.provider == Self.p02 }, "\(named(creaming))")
        #expect(alert.message.contains("below the funnel's 99.8% limit") && alert.firstMonth == StatementPeriod("2012-04")!)
        #expect(try #require(plot(creaming, "band 4 or 5")).funnel.dispersion == 1)
    }

    /// A fortnight later is seen within 3 months at 40 referrals a month; a week later, within 6.
    @Test(arguments: [(14, "2012-06"), (7, "2012-09")])
    func aProviderWhoseClientsStartDaysLaterIsNamedByCreaming(_ days: Int, _ within: String) throws {
        let creaming = diagnostic("creaming", diagnose(.slowStarts(days: days), through: StatementPeriod(within)!.lastDay.description))
        let alert = try #require(creaming.alerts.first { $0.provider == Self.p02 }, "\(named(creaming))")
        #expect(alert.firstMonth <= StatementPeriod(within)! && alert.message.contains("more than 21 days after the assessment"))
        #expect(!creaming.alerts.contains { $0.provider != nil && $0.provider != Self.p02 }, "\(named(creaming))")
        // The baseline's waits are the same at every provider: about 9% wait more than three weeks.
        let series = try #require(creaming.series.first { $0.provider == Self.p02 && $0.note?.contains("more than 21 days") == true })
        #expect(series.baseline > 0.05 && series.baseline < 0.14, "\(series.baseline)")
    }

    /// P02's clients have started a fortnight later since long before the baseline: against the other
    /// providers it is outside the wait funnel in the contract's first month.
    @Test func aProviderThatWasAlwaysSlowIsOutsideTheWaitFunnel() throws {
        let creaming = diagnostic("creaming", diagnose(.slowStarts(days: 14), from: Day(iso: "2009-04-01")!))
        #expect(creaming.alerts.compactMap(\.provider) == [Self.p02], "\(named(creaming))")
        let alert = try #require(creaming.alerts.first { $0.provider == Self.p02 })
        #expect(alert.firstMonth == StatementPeriod("2012-04")! && alert.message.contains("above the funnel's 99.8% limit"))
        let funnel = try #require(plot(creaming, "more than 21 days"))
        #expect(funnel.points.filter(\.isOutside).map(\.provider) == [Self.p02])
        let p02 = try #require(funnel.points.first { $0.provider == Self.p02 })
        #expect(p02.figure > funnel.funnel.limits(denominator: p02.denominator).upperBound)
    }

    /// Band 4-5 clients referred to P02 no longer start: in the area, more assessed band 4 and 5
    /// clients go unstarted within 28 days, and the band's CUSUM names the band.
    @Test func moreAssessedBand4And5ClientsGoUnstartedWhenAProviderStopsStartingThem() throws {
        let creaming = diagnostic("creaming", diagnose(.creaming(kept: 0), through: "2012-09-30"))
        let bands = creaming.alerts.filter { $0.provider == nil }.compactMap(\.band)
        #expect(!bands.isEmpty && bands.allSatisfy { $0.value >= 4 }, "\(named(creaming))")
        let alert = try #require(creaming.alerts.first { $0.provider == nil && $0.band != nil })
        #expect(alert.message.contains("not started within 28 days"))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func aCleanAreaRaisesNoCreamingParkingOrFunnelAlert(_ seed: UInt64) {
        let report = diagnose(.none, seed: seed)
        for id in ["creaming", "parking", "deaths"] {
            #expect(diagnostic(id, report).alerts.isEmpty, "seed \(seed) \(id): \(named(diagnostic(id, report)))")
        }
        let funnels = report.diagnostics.flatMap(\.funnels)
        #expect(funnels.count == 4)
        #expect(funnels.allSatisfy { $0.points.count == 4 && !$0.points.contains(where: \.isOutside) })
    }

    @Test func parkingComparesTheProvidersAtTheLastMonthsEnd() throws {
        let parking = diagnostic("parking", diagnose(.none))
        let funnel = try #require(parking.funnels.first)
        #expect(funnel.months == StatementPeriod("2012-06")!...StatementPeriod("2012-06")!)
        // Each provider's share is its parked clients over those in treatment over 6 months at June's end.
        for point in funnel.points {
            let series = try #require(parking.series.first { $0.provider == point.provider && $0.note?.hasPrefix("funnel") == true })
            let june = try #require(series.points.last)
            #expect(june.month == StatementPeriod("2012-06")! && june.count == point.observed && Double(june.trials) == point.denominator)
        }
    }
}

/// Completions judged against the caseload's band mix: more complex clients complete less, and that
/// is not harm.
@Suite("Diagnostics: completions adjusted for the caseload's bands")
struct CaseMixTests {
    func report(_ harm: PlantedHarm, through: String = "2013-03-31") -> DiagnosticsReport {
        var area = PlantedHarmArea()
        area.completionsByBand = true
        area.harm = harm
        area.through = Day(iso: through)!
        return AreaDiagnostics.run(area.histories(), contract: PlantedHarmDiagnosticsTests.contract, asOf: area.through)
    }

    @Test func aProviderGivenMoreComplexClientsIsExpectedToCompleteFewerAndIsNotFlagged() {
        let completions = report(.complexCaseload(share: 1)).diagnostics.first { $0.id == "completions" }!
        let p02 = completions.series.first { $0.provider == ProviderID("P02") }!
        // By March 2013 every client P02 took in for a year is in band 5: fewer completions are expected.
        let march = p02.points.first { $0.month == StatementPeriod("2013-03")! }!
        #expect(march.expected < p02.baseline * 0.7, "\(march.expected) against \(p02.baseline)")
        // And fewer came: against the plain mean they fell, against the caseload they did not.
        let since = p02.points.filter { $0.month >= StatementPeriod("2012-04")! }
        let came = since.reduce(0) { $0 + $1.count }, expected = since.reduce(0) { $0 + $1.expected }
        #expect(Double(came) < p02.baseline * Double(since.count) * 0.8, "\(came) came; the mean gives \(p02.baseline * Double(since.count))")
        #expect(abs(Double(came) - expected) < expected * 0.1, "\(came) came; the caseload expected \(expected)")
        #expect(completions.alerts.isEmpty, "\(completions.alerts.map(\.message))")
    }

    @Test func withoutAChangeOfCaseMixTheExpectationStaysNearTheBaselinesMean() {
        let completions = report(.none).diagnostics.first { $0.id == "completions" }!
        let area = completions.series.first { $0.provider == nil }!
        let since = area.points.filter { $0.month >= StatementPeriod("2012-04")! }
        #expect(since.allSatisfy { abs($0.expected - area.baseline) < area.baseline * 0.1 }, "\(since.map(\.expected)) against \(area.baseline)")
        #expect(completions.alerts.isEmpty, "\(completions.alerts.map(\.message))")
    }
}
