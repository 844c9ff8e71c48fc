#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import PbRCore
import Testing

/// The comparison diagnostic's model: an area's months against comparison areas', its effect worked
/// by hand, its placebo p-value counted, and on simulated areas its false alarms and what it sees.
@Suite("Diagnostics: difference in differences against comparison areas")
struct DifferenceInDifferencesTests {
    func close(_ a: Double, _ b: Double, _ within: Double = 1e-4) -> Bool { abs(a - b) < within }

    @Test func theEffectIsTheAreasCountAgainstItsShareOfTheComparisonsMonth() {
        // Two months before, one since. The comparison areas hold 20 and 30 a month; the area held 10 of
        // their 50, a share of 0.2, so 10 were expected since and 5 came: log(5.5 / 10.5) = -0.6466, over
        // its standard error sqrt(1/5.5 + 1/20.5) = 0.4802, a z of -1.3466.
        let model = DifferenceInDifferences(treated: [10, 10, 5], comparison: [[20, 20, 20], [30, 30, 30]], before: 2, harm: .fall)
        let look = model.looks()
        #expect(look.count == 1)
        #expect(look[0].observed == 5 && close(look[0].expected, 10))
        #expect(close(look[0].lowest, -1.3466))
        // Each comparison area against the other held its share exactly (z 0): neither is as low, so the
        // p-value is 1 of 3.
        #expect(close(look[0].p, 1.0 / 3))
        #expect(model.fitted().map { ($0 * 1_000).rounded() / 1_000 } == [10, 10, 10])
    }

    @Test func thePlaceboPValueCountsTheComparisonAreasThatFellAsFar() {
        // 19 steady comparison areas and the area halving: none as low, p = 1/20. Let one comparison area
        // fall by more than the area did: 2/20.
        let steady = Array(repeating: Array(repeating: 100.0, count: 27), count: 19)
        let halved = Array(repeating: 100.0, count: 24) + [50, 50, 50]
        #expect(close(DifferenceInDifferences(treated: halved, comparison: steady, before: 24, harm: .fall).looks().last!.p, 0.05))
        var oneWorse = steady
        oneWorse[7] = Array(repeating: 100.0, count: 24) + [30, 30, 30]
        #expect(close(DifferenceInDifferences(treated: halved, comparison: oneWorse, before: 24, harm: .fall).looks().last!.p, 0.10))
        // Watching for a rise, the halving is the least remarkable of all.
        #expect(close(DifferenceInDifferences(treated: halved, comparison: steady, before: 24, harm: .rise).looks().last!.p, 1))
    }

    @Test func theLowestZSoFarIsKeptSoALaterRecoveryDoesNotHideAnEarlierFall() {
        let steady = Array(repeating: Array(repeating: 100.0, count: 27), count: 19)
        let dipThenBack = Array(repeating: 100.0, count: 24) + [40, 160, 100]
        let looks = DifferenceInDifferences(treated: dipThenBack, comparison: steady, before: 24, harm: .fall).looks()
        #expect(looks.map(\.observed) == [40, 200, 300])
        #expect(looks[1].lowest == looks[0].lowest && looks[2].lowest == looks[0].lowest)
    }

    /// Simulated areas of `sizes` a month (Poisson), 24 months before and 12 since; the area (the
    /// first) is multiplied by `ratio` since the start and every area, itself included, by `everyone`.
    /// The month of its first alert at the diagnostic's 2.5%, or nil.
    func firstAlert(seed: UInt64, ratio: Double, everyone: Double = 1, sizes: [Double]) -> Int? {
        var random = SplitMix64(seed: seed)
        let areas = sizes.enumerated().map { index, size in
            (0..<36).map { month in
                Double(DiagnosticMath.poisson(size * (month >= 24 ? everyone * (index == 0 ? ratio : 1) : 1), &random))
            }
        }
        let looks = DifferenceInDifferences(treated: areas[0], comparison: Array(areas.dropFirst()), before: 24, harm: .fall).looks()
        return looks.firstIndex { $0.p <= AreaDiagnostics.Run.comparisonLevel }
    }

    /// The area, 128 starts a month, and 39 comparison areas of 40 to 400.
    static let sizes = [128.0] + (0..<39).map { 40 + 20 * Double($0 % 19) }

    @Test func onCleanAreasAYearOfMonthlyLooksAlertsRarely() {
        let alarms = (1...400).filter { firstAlert(seed: UInt64($0), ratio: 1, sizes: Self.sizes) != nil }.count
        // The placebo test holds 2.5% at each look; 12 looks at the lowest z so far double it, to about 5%.
        #expect(alarms <= 400 * 7 / 100, "\(alarms) of 400 clean years alerted")
    }

    @Test func aFallTheWholeCountrySharesIsNotTheAreas() {
        // Starts fall by a third everywhere: against its own past the area fell; against the others it did not.
        let alarms = (1...200).filter { firstAlert(seed: UInt64($0), ratio: 1, everyone: 0.67, sizes: Self.sizes) != nil }.count
        #expect(alarms <= 200 * 7 / 100, "\(alarms) of 200 years alerted")
    }

    @Test func theAreasFallAtOneProviderOfFourIsSeenWithinSixMonths() {
        // The pilots' odds ratio of 0.17 for starts at one provider of four: the area's starts fall to 88%.
        // (The provider's own CUSUM sees it sooner; the comparison says it is not the country's.)
        let first = (1...200).map { firstAlert(seed: UInt64($0), ratio: 0.876, sizes: Self.sizes) ?? 99 }
        #expect(first.filter { $0 <= 2 }.count >= 200 * 45 / 100, "seen within 3 months in \(first.filter { $0 <= 2 }.count) of 200")
        #expect(first.filter { $0 <= 5 }.count >= 200 * 65 / 100, "seen within 6 months in \(first.filter { $0 <= 5 }.count) of 200")
        // Starts falling by the pilots' whole odds ratio at every provider: seen in the first month or two.
        let whole = (1...200).map { firstAlert(seed: UInt64($0), ratio: 0.405 / 0.8, sizes: Self.sizes) ?? 99 }
        #expect(whole.filter { $0 <= 1 }.count >= 200 * 95 / 100, "seen within 2 months in \(whole.filter { $0 <= 1 }.count) of 200")
    }
}

/// An area's own figures in the comparison file's measures, counted by hand.
@Suite("Diagnostics: an area's comparison figures")
struct ComparisonFiguresTests {
    @Test func eachMeasureCountsTheMonthsEventsAndTheClientsInTreatmentAtItsEnd() {
        let p = ProviderID("P01")
        func episode(_ id: String, _ client: String, referred: String, start: String?, end: String?, _ reason: DischargeReason?) -> Record {
            .episode(Episode(recordID: RecordID(id), clientID: ClientID(client), providerID: p, referralOn: Day(iso: referred), startOn: start.flatMap { Day(iso: $0) },
                             endOn: end.flatMap { Day(iso: $0) }, dischargeReason: reason, substances: [.opiates]))
        }
        var one = ClientHistory(clientID: ClientID("C1"))
        // Completed in April, back in June: a completion, but not one without re-presentation.
        one.add(episode("E1", "C1", referred: "2012-01-20", start: "2012-02-01", end: "2012-04-10", .completedDrugFree))
        one.add(episode("E2", "C1", referred: "2012-06-01", start: "2012-06-05", end: nil, nil))
        var two = ClientHistory(clientID: ClientID("C2"))
        // Referred in March, never started; then declined in May.
        two.add(episode("E3", "C2", referred: "2012-03-03", start: nil, end: nil, nil))
        two.add(episode("E4", "C2", referred: "2012-04-03", start: "2012-04-20", end: "2012-05-31", .declinedTreatment))
        var three = ClientHistory(clientID: ClientID("C3"))
        three.add(episode("E5", "C3", referred: "2012-02-10", start: "2012-03-01", end: "2012-03-30", .completedOccasionalUser))
        let figures = ComparisonFigures.of([one, two, three], months: StatementPeriod("2012-02")!...StatementPeriod("2012-12")!, asOf: Day(iso: "2012-10-15")!)
        func month(_ measure: ComparisonAreas.Measure, _ text: String) -> Int? { figures[measure]?[StatementPeriod(text)!] }
        #expect([month(.referrals, "2012-02"), month(.referrals, "2012-03"), month(.referrals, "2012-04"), month(.referrals, "2012-06")] == [1, 1, 1, 1])
        #expect([month(.starts, "2012-02"), month(.starts, "2012-03"), month(.starts, "2012-04"), month(.starts, "2012-06")] == [1, 1, 1, 1])
        #expect([month(.completions, "2012-03"), month(.completions, "2012-04"), month(.declined, "2012-05")] == [1, 1, 1])
        // March's completion stayed out of treatment 6 months; April's did not. From April, 6 months have
        // not passed since the month's end by 15 October, so there is no figure yet.
        #expect([month(.completionsWithoutRepresentation, "2012-03"), month(.completionsWithoutRepresentation, "2012-04")] == [1, nil])
        // In treatment at each month's end: C1 (Feb, Mar), C2 from 20 April to 31 May (ended that day), C1 again from June.
        #expect(["2012-02", "2012-03", "2012-04", "2012-05", "2012-06", "2012-09"].map { month(.inTreatment, $0) } == [1, 1, 1, 0, 1, 1])
        // October has not ended by the 15th: no figures.
        #expect(month(.starts, "2012-10") == nil && month(.starts, "2012-09") == 0)
    }
}
