#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-sided CUSUM of monthly figures against what was expected of them: the log-likelihood ratio of
/// a stated shift, summed month by month and floored at 0 (Page 1954; for counts and proportions as in
/// Rossi, Lampugnani and Marchi 1999 and Steiner et al. 2000's risk-adjusted form).
public struct Cusum: Sendable {
    public enum Design: Sendable, Equatable {
        /// Counts: Poisson with the expected mean, watching for the mean times `ratio` (0.5: halved).
        case poisson(ratio: Double)
        /// Proportions: each trial a Bernoulli with the expected probability, watching for its odds times
        /// `oddsRatio`.
        case bernoulli(oddsRatio: Double)
    }

    /// One month: what happened, out of how many trials (proportions only), and what was expected
    /// (a mean count, or each trial's probability).
    public struct Month: Sendable, Equatable {
        public var count: Int
        public var trials: Int
        public var expected: Double
        public init(count: Int, trials: Int = 0, expected: Double) { self.count = count; self.trials = trials; self.expected = expected }
    }

    public let design: Design

    public init(_ design: Design) { self.design = design }

    /// What one month adds to the sum.
    public func increment(_ month: Month) -> Double {
        switch design {
        case .poisson(let ratio):
            return Double(month.count) * log(ratio) - (ratio - 1) * month.expected
        case .bernoulli(let oddsRatio):
            let p0 = min(max(month.expected, 1e-6), 1 - 1e-6)
            let p1 = oddsRatio * p0 / (1 - p0 + oddsRatio * p0)
            return Double(month.count) * log(p1 / p0) + Double(month.trials - month.count) * log((1 - p1) / (1 - p0))
        }
    }

    /// The sum after each month.
    public func path(_ months: [Month]) -> [Double] {
        var sum = 0.0
        return months.map { month in
            sum = max(0, sum + increment(month))
            return sum
        }
    }

    /// The decision limit that a year of months like `plan`, with nothing shifted, crosses with
    /// probability `falseAlarm`: the (1 - falseAlarm) quantile of the year's highest sum, over
    /// `runs` simulated years drawn from the expected figures. Seeded, so the same on every run.
    public func decisionLimit(plan: [Month], falseAlarm: Double, seed: UInt64, runs: Int = 4_000) -> Double {
        precondition(!plan.isEmpty, "a plan of at least one month")
        var random = SplitMix64(seed: seed)
        let year = (0..<12).map { plan[$0 % plan.count] }
        let highest = (0..<runs).map { _ in
            var sum = 0.0, top = 0.0
            for month in year {
                var drawn = month
                switch design {
                case .poisson: drawn.count = DiagnosticMath.poisson(month.expected, &random)
                case .bernoulli: drawn.count = DiagnosticMath.binomial(month.trials, month.expected, &random)
                }
                sum = max(0, sum + increment(drawn))
                top = max(top, sum)
            }
            return top
        }
        // A limit of 0 would alarm on nothing at all; the smallest positive step keeps it honest.
        return max(DiagnosticMath.quantile(highest, 1 - falseAlarm), 1e-9)
    }
}
