#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A funnel plot's test (Spiegelhalter, "Funnel plots for comparing institutional performance",
/// *Statistics in Medicine* 2005): each provider's figure against one target, with limits that narrow
/// as its denominator grows, widened by an over-dispersion factor estimated on the baseline. One
/// implementation for every funnel the diagnostics draw: deaths (a count against what was expected of
/// it) and shares (a count out of trials). Statistics, not money: Double is right here.
public struct Funnel: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A count against an expected count: the figure is observed / expected, the denominator the
        /// expected count, the count Poisson with mean target × expected.
        case poisson
        /// A count out of trials: the figure is the share, the denominator the trials, the count binomial.
        case binomial
    }

    /// The side a harm shows on: more deaths, or fewer band 4-5 starts.
    public enum Side: String, Sendable {
        case high, low
    }

    /// Each side's tail outside the funnel: 0.1%, Spiegelhalter's 99.8% limits (3.09 standard errors).
    public static let tail = 0.001

    public var kind: Kind
    /// The figure every provider is judged against: 1 for observed / expected, a share for shares.
    public var target: Double
    /// Spiegelhalter's multiplicative over-dispersion φ (1: none): each variance is φ times the model's,
    /// so a count is judged as count / φ out of trials / φ (or against expected / φ).
    public var dispersion: Double

    public init(kind: Kind, target: Double, dispersion: Double = 1) {
        precondition(dispersion >= 1 && target >= 0 && (kind == .poisson || target <= 1), "a funnel's target or dispersion out of range")
        self.kind = kind; self.target = target; self.dispersion = dispersion
    }

    /// The chance, under the target (widened by φ), of a count at least as far out on `side` as
    /// `observed`: the test's one-sided p-value. With φ > 1 the scaled count is rounded towards the
    /// target, so that the test never alerts more than the unrounded figure would.
    public func pValue(observed: Int, denominator: Double, side: Side) -> Double {
        let scaled = Double(observed) / dispersion
        switch (kind, side) {
        case (.poisson, .high): return DiagnosticMath.poissonUpperTail(Int(scaled.rounded(.down)), mean(denominator))
        case (.poisson, .low): return Self.poissonCDF(Int(scaled.rounded(.up)), mean(denominator))
        case (.binomial, .high): return DiagnosticMath.binomialUpperTail(Int(scaled.rounded(.down)), trials(denominator), target)
        case (.binomial, .low): return Self.binomialCDF(min(Int(scaled.rounded(.up)), trials(denominator)), trials(denominator), target)
        }
    }

    /// −log10 of the p-value: what a funnel series carries as its statistic, against −log10 of `tail` (3).
    public func statistic(observed: Int, denominator: Double, side: Side) -> Double {
        abs(log10(max(pValue(observed: observed, denominator: denominator, side: side), 1e-300)))
    }

    public static var threshold: Double { -log10(tail) }

    /// The figure (a share, or observed / expected) where a provider of this denominator leaves the
    /// funnel on each side: the exact limits, interpolated between counts as in Spiegelhalter's
    /// appendix (r the first count whose distribution function reaches the tail's point, less the
    /// share α of its step that lies past it). A lower limit below 0 is 0.
    public func limits(denominator: Double) -> ClosedRange<Double> {
        let size = kind == .poisson ? denominator / dispersion : Double(trials(denominator))
        guard size > 0 else { return 0...(kind == .poisson ? Double.infinity : 1) }
        let lower = max(0, interpolatedQuantile(Self.tail, denominator)), upper = max(lower, interpolatedQuantile(1 - Self.tail, denominator))
        // Back from the scaled count to the figure: a Poisson count × φ over the expected; a share of the scaled trials.
        return kind == .poisson ? (lower * dispersion / denominator)...(upper * dispersion / denominator) : (lower / size)...(upper / size)
    }

    /// The count r − α at which the scaled count's distribution function reaches `point`.
    func interpolatedQuantile(_ point: Double, _ denominator: Double) -> Double {
        var below = 0.0, count = 0
        while true {
            let mass = probability(of: count, denominator)
            if below + mass >= point || (kind == .binomial && count >= trials(denominator)) {
                let alpha = mass > 0 ? (below + mass - point) / mass : 0
                return Double(count) - max(0, alpha)
            }
            below += mass
            count += 1
        }
    }

    /// P(X = count) for the scaled count.
    func probability(of count: Int, _ denominator: Double) -> Double {
        switch kind {
        case .poisson: Self.poissonProbability(count, mean(denominator))
        case .binomial: Self.binomialProbability(count, trials(denominator), target)
        }
    }

    func mean(_ expected: Double) -> Double { target * expected / dispersion }
    func trials(_ trials: Double) -> Int { Int((trials / dispersion).rounded()) }

    /// How far a provider's figure is from the target in standard errors (normal approximation, no
    /// over-dispersion): what the over-dispersion is estimated from. Nil where the model has no spread.
    public static func zScore(_ kind: Kind, observed: Int, denominator: Double, target: Double) -> Double? {
        let variance = kind == .poisson ? target * denominator : target * (1 - target) * denominator
        guard variance > 0 else { return nil }
        return (Double(observed) - target * denominator) / variance.squareRoot()
    }

    /// Spiegelhalter's over-dispersion factor from the providers' z-scores on the baseline: their mean
    /// square, the highest and lowest tenth (at least one each) pulled in to their neighbours first, so
    /// that one provider far out cannot widen the funnel that should catch it. Used only when it passes
    /// the test for over-dispersion (k times it above chi-squared's 95th point with k degrees of
    /// freedom, by its normal approximation); else 1. Fewer than 4 providers: 1.
    public static func overdispersion(_ zScores: [Double]) -> Double {
        var scores = zScores.sorted()
        let k = scores.count
        guard k >= 4 else { return 1 }
        let pulled = max(1, k / 10)
        for index in 0..<pulled {
            scores[index] = scores[pulled]
            scores[k - 1 - index] = scores[k - 1 - pulled]
        }
        let factor = scores.reduce(0) { $0 + $1 * $1 } / Double(k)
        let chiSquared95 = Double(k) + 1.645 * (2 * Double(k)).squareRoot()
        return Double(k) * factor > chiSquared95 ? factor : 1
    }

    static func poissonProbability(_ count: Int, _ mean: Double) -> Double {
        guard mean > 0 else { return count == 0 ? 1 : 0 }
        return exp(Double(count) * log(mean) - mean - lgamma(Double(count + 1)))
    }

    static func binomialProbability(_ count: Int, _ trials: Int, _ p: Double) -> Double {
        guard count >= 0, count <= trials else { return 0 }
        if p <= 0 { return count == 0 ? 1 : 0 }
        if p >= 1 { return count == trials ? 1 : 0 }
        return exp(DiagnosticMath.logChoose(trials, count) + Double(count) * log(p) + Double(trials - count) * log1p(-p))
    }

    /// P(X <= count) for X ~ Poisson(mean), summed in log space (no underflow for large means).
    static func poissonCDF(_ count: Int, _ mean: Double) -> Double {
        guard count >= 0 else { return 0 }
        return min(1, (0...count).reduce(0) { $0 + poissonProbability($1, mean) })
    }

    /// P(X <= count) for X ~ Binomial(trials, p).
    static func binomialCDF(_ count: Int, _ trials: Int, _ p: Double) -> Double {
        guard count >= 0 else { return 0 }
        guard count < trials else { return 1 }
        return min(1, (0...count).reduce(0) { $0 + binomialProbability($1, trials, p) })
    }
}
