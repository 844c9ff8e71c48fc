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
