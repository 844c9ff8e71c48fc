import PbRCore
import Testing

/// The funnel plots' test and limits (Spiegelhalter 2005), computed by hand for small denominators:
/// exact binomial and Poisson tails, limits interpolated between counts, and over-dispersion.
@Suite("Diagnostics: funnel")
struct FunnelTests {
    func close(_ a: Double, _ b: Double, _ within: Double = 1e-4) -> Bool { abs(a - b) < within }

    @Test func aBinomialPValueIsTheExactTailOnTheSideWatched() {
        let funnel = Funnel(kind: .binomial, target: 0.5)
        // 10 of 10 at a half: 1/1024, outside 99.8%; 9 of 10: 11/1024, inside.
        #expect(close(funnel.pValue(observed: 10, denominator: 10, side: .high), 1.0 / 1024, 1e-9))
        #expect(close(funnel.pValue(observed: 9, denominator: 10, side: .high), 11.0 / 1024, 1e-9))
        #expect(close(funnel.statistic(observed: 10, denominator: 10, side: .high), 3.0103))
        #expect(Funnel.threshold == 3)
        // 0 of 30 at a quarter: 0.75^30 = 0.000179; 1 of 30: 0.001964.
        let quarter = Funnel(kind: .binomial, target: 0.25)
        #expect(close(quarter.pValue(observed: 0, denominator: 30, side: .low), 0.000179, 1e-6))
        #expect(close(quarter.pValue(observed: 1, denominator: 30, side: .low), 0.001964, 1e-6))
    }

    @Test func binomialLimitsAreTheExactQuantilesInterpolatedBetweenCounts() {
        // 10 trials at a half: F(8) = 1013/1024, F(9) = 1023/1024; r = 9, α = (1023/1024 − 0.999) / (10/1024) = 0.0024,
        // so the upper limit is 8.9976 / 10. Below: F(0) = 1/1024, F(1) = 11/1024; r = 1, α = 0.9976: 0.0024 / 10.
        let half = Funnel(kind: .binomial, target: 0.5).limits(denominator: 10)
        #expect(close(half.upperBound, 0.89976) && close(half.lowerBound, 0.00024))
        // 30 trials at a quarter (worked in Python's exact binomial): 0.015332 to 0.496875.
        let quarter = Funnel(kind: .binomial, target: 0.25).limits(denominator: 30)
        #expect(close(quarter.lowerBound, 0.015332) && close(quarter.upperBound, 0.496875))
    }

    @Test func aPoissonFunnelJudgesObservedAgainstExpected() {
        let funnel = Funnel(kind: .poisson, target: 1)
        // 1 expected: P(X ≥ 6) = 0.000594, outside; P(X ≥ 5) = 0.003660, inside.
        #expect(close(funnel.pValue(observed: 6, denominator: 1, side: .high), 0.000594, 1e-6))
        #expect(close(funnel.pValue(observed: 5, denominator: 1, side: .high), 0.003660, 1e-6))
        // F(4) = 0.996340, F(5) = 0.999406: α = 0.000406 / 0.003066 = 0.1324, the upper limit 4.8676; no lower limit.
        let limits = funnel.limits(denominator: 1)
        #expect(close(limits.upperBound, 4.8676) && limits.lowerBound == 0)
    }

    @Test func overDispersionWidensTheFunnel() {
        // φ = 2: 14 deaths against 4 expected are judged as 7 against 2: P(X ≥ 7) = 0.004534, inside;
        // without it, far outside.
        let wide = Funnel(kind: .poisson, target: 1, dispersion: 2)
        #expect(close(wide.pValue(observed: 14, denominator: 4, side: .high), 0.004534, 1e-6))
        #expect(Funnel(kind: .poisson, target: 1).pValue(observed: 14, denominator: 4, side: .high) < 0.0001)
        // Its upper limit: the 99.9% point of Poisson(2), 7.1126, times φ over the 4 expected: 3.5563.
        #expect(close(wide.limits(denominator: 4).upperBound, 3.5563))
    }

    @Test func overDispersionIsTheWinsorizedMeanSquareWhenItPassesItsTest() {
        // The highest and lowest pulled in: −2, −1, 0, 1, 3 become −1, −1, 0, 1, 1; mean square 0.8, not over-dispersed.
        #expect(Funnel.overdispersion([-2, -1, 0, 1, 3]) == 1)
        // −4, −3, 3, 4, 5 become −3, −3, 3, 4, 4: 59 / 5 = 11.8; 59 is above 5 + 1.645 √10 = 10.2.
        #expect(close(Funnel.overdispersion([-4, -3, 3, 4, 5]), 11.8))
        // Three providers are too few to estimate it.
        #expect(Funnel.overdispersion([-5, 0, 5]) == 1)
    }

    @Test func zScoresAreInStandardErrorsOfTheModel() {
        #expect(Funnel.zScore(.binomial, observed: 30, denominator: 100, target: 0.2) == 2.5)
        #expect(Funnel.zScore(.poisson, observed: 9, denominator: 4, target: 1) == 2.5)
        #expect(Funnel.zScore(.binomial, observed: 0, denominator: 100, target: 0) == nil)
    }
}
