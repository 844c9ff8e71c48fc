import PbRCore
import Testing

/// The SPC charts' limits, computed by hand for small series: XmR for counts, Laney's P′ for proportions.
@Suite("Diagnostics: process limits")
struct ProcessLimitsTests {
    func close(_ a: Double, _ b: Double, _ within: Double = 1e-4) -> Bool { abs(a - b) < within }

    @Test func xmrLimitsAreTheBaselineMeanPlusOrMinus266MeanMovingRanges() throws {
        // 10, 12, 8, 11: mean 10.25; moving ranges 2, 4, 3, mean 3; limits 10.25 ± 7.98.
        let limits = try #require(ProcessLimits.xmr(baseline: [10, 12, 8, 11]))
        #expect(limits.mean == 10.25 && limits.meanMovingRange == 3)
        #expect(close(limits.lower, 2.27) && close(limits.upper, 18.23))
        #expect(limits.isOutside(19) && limits.isOutside(2) && !limits.isOutside(18) && !limits.isOutside(2.5))
    }

    @Test func xmrLimitsNeedTwoBaselineMonths() {
        #expect(ProcessLimits.xmr(baseline: [7]) == nil)
        #expect(ProcessLimits.xmr(baseline: []) == nil)
    }

    @Test func aSteadyBaselineHasLimitsOnItsMean() throws {
        let limits = try #require(ProcessLimits.xmr(baseline: [4, 4, 4]))
        #expect(limits.lower == 4 && limits.upper == 4 && limits.isOutside(5))
    }

    @Test func pPrimeLimitsScaleEachMonthsBinomialSpreadByTheBaselinesZSpread() throws {
        // 50, 55, 45, 50 of 100: p̄ 0.5, σ_p 0.05; z 0, 1, -1, 0; moving ranges 1, 2, 1, mean 4/3;
        // σ_z = (4/3) / 1.128 = 1.18203; for 100 trials p̄ ± 3 × 0.05 × 1.18203 = 0.5 ± 0.17730.
        let limits = try #require(ProcessLimits.pPrime(baseline: [(50, 100), (55, 100), (45, 100), (50, 100)]))
        #expect(limits.pBar == 0.5)
        #expect(close(limits.sigmaZ, 1.18203))
        #expect(close(limits.limits(trials: 100).lowerBound, 0.32270) && close(limits.limits(trials: 100).upperBound, 0.67730))
        // A month of 25 trials: σ_p 0.1, limits 0.5 ± 0.35461.
        #expect(close(limits.limits(trials: 25).lowerBound, 0.14539) && close(limits.limits(trials: 25).upperBound, 0.85461))
        #expect(limits.isOutside(count: 70, trials: 100) && !limits.isOutside(count: 20, trials: 25) && !limits.isOutside(count: 0, trials: 0))
    }

    @Test func monthsWithNoTrialsAreLeftOutOfTheMovingRanges() throws {
        let gaps = try #require(ProcessLimits.pPrime(baseline: [(50, 100), (0, 0), (55, 100), (45, 100), (0, 0), (50, 100)]))
        #expect(gaps == ProcessLimits.pPrime(baseline: [(50, 100), (55, 100), (45, 100), (50, 100)]))
    }

    @Test func pPrimeLimitsStayWithinZeroAndOne() throws {
        // 1 of 4, 3 of 4: p̄ 0.5; σ_p 0.25; z -1, 1; σ_z 2 / 1.128; half-width 3 × 0.25 × 1.773 > 0.5.
        let limits = try #require(ProcessLimits.pPrime(baseline: [(1, 4), (3, 4)]))
        #expect(limits.limits(trials: 4) == 0...1)
    }

    @Test func aBaselineWithNoSpreadOrTooFewMonthsSetsNoPPrimeLimits() {
        #expect(ProcessLimits.pPrime(baseline: [(0, 10), (0, 12)]) == nil)
        #expect(ProcessLimits.pPrime(baseline: [(10, 10), (12, 12)]) == nil)
        #expect(ProcessLimits.pPrime(baseline: [(3, 10), (0, 0)]) == nil)
    }
}
