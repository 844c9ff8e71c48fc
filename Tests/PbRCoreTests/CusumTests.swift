@testable import PbRCore
import Testing

/// The CUSUM's arithmetic, computed by hand, and its simulated decision limit holding the false-alarm
/// rate it was set for.
@Suite("Diagnostics: CUSUM and exact tests")
struct CusumTests {
    func close(_ a: Double, _ b: Double, _ within: Double = 1e-4) -> Bool { abs(a - b) < within }

    @Test func aPoissonMonthAddsItsLogLikelihoodRatio() {
        // Watching for a halving of 10 a month: 4 seen adds 4 ln 0.5 + 0.5 x 10 = 2.2274.
        let halving = Cusum(.poisson(ratio: 0.5))
        #expect(close(halving.increment(.init(count: 4, expected: 10)), 2.2274))
        // 12 seen takes the sum down: 12 ln 0.5 + 5 = -3.3178, and it is floored at 0.
        #expect(halving.path([.init(count: 4, expected: 10), .init(count: 12, expected: 10), .init(count: 4, expected: 10)])
                    .map { ($0 * 10_000).rounded() / 10_000 } == [2.2274, 0, 2.2274])
    }

    @Test func aBernoulliMonthAddsItsLogLikelihoodRatio() {
        // p0 0.2 with its odds doubled is p1 = 0.4 / 1.2 = 1/3; 3 of 10: 3 ln(5/3) + 7 ln(5/6) = 0.2562.
        #expect(close(Cusum(.bernoulli(oddsRatio: 2)).increment(.init(count: 3, trials: 10, expected: 0.2)), 0.2562))
    }

    @Test func theSimulatedLimitHoldsItsFalseAlarmRateOnCleanYears() {
        let cusum = Cusum(.poisson(ratio: 0.5))
        let plan = [Cusum.Month(count: 0, expected: 12)]
        let limit = cusum.decisionLimit(plan: plan, falseAlarm: 0.05, seed: 1)
        #expect(cusum.decisionLimit(plan: plan, falseAlarm: 0.01, seed: 1) > limit)
        // 4,000 clean years drawn afresh: about 5% cross it (within three standard errors, 1.0%).
        var random = SplitMix64(seed: 99)
        let crossed = (0..<4_000).filter { _ in
            let year = (0..<12).map { _ in Cusum.Month(count: DiagnosticMath.poisson(12, &random), expected: 12) }
            return cusum.path(year).contains { $0 > limit }
        }.count
        #expect(abs(Double(crossed) / 4_000 - 0.05) < 0.011, "\(crossed) of 4,000")
    }

    /// A rare count (1.5 a month) whose mean is estimated on 24 baseline months: the limit simulated for
    /// the estimate alarms on clean years at about its rate; the limit for a known mean alarms more.
    @Test func aLimitForAnEstimatedBaselineHoldsItsRateWhereOneForAKnownMeanDoesNot() {
        let cusum = Cusum(.poisson(ratio: 2))
        var random = SplitMix64(seed: 7)
        var (known, estimated) = (0, 0)
        let areas = 400
        for area in 0..<areas {
            let baseline = (0..<24).reduce(0) { total, _ in total + DiagnosticMath.poisson(1.5, &random) }
            let mean = Double(baseline) / 24
            let plan = [Cusum.Month(count: 0, expected: mean)]
            let year = (0..<12).map { _ in Cusum.Month(count: DiagnosticMath.poisson(1.5, &random), expected: mean) }
            let path = cusum.path(year)
            let seed = UInt64(area)
            if path.contains(where: { $0 > cusum.decisionLimit(plan: plan, falseAlarm: 0.05, seed: seed, runs: 1_000) }) { known += 1 }
            let allowing = cusum.decisionLimit(plan: plan, falseAlarm: 0.05, seed: seed, estimatedFrom: .init(count: baseline), runs: 1_000)
            if path.contains(where: { $0 > allowing }) { estimated += 1 }
        }
        #expect(estimated < known)
        #expect(abs(Double(estimated) / Double(areas) - 0.05) < 0.035, "\(estimated) of \(areas)")
    }

    @Test func exactTailsAreExact() {
        // P(X >= 9), X ~ Binomial(10, 1/2) = (10 + 1) / 1024.
        #expect(close(DiagnosticMath.binomialUpperTail(9, 10, 0.5), 11.0 / 1024.0, 1e-12))
        // P(X >= 3), X ~ Poisson(1) = 1 - 2.5 / e.
        #expect(close(DiagnosticMath.poissonUpperTail(3, 1), 1 - 2.5 / 2.718281828459045, 1e-12))
        #expect(DiagnosticMath.binomialUpperTail(0, 10, 0.5) == 1 && DiagnosticMath.binomialUpperTail(11, 10, 0.5) == 0)
    }
}
