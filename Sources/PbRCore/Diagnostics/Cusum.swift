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

    /// What the expected figures were estimated from: the baseline's count (and its trials, for
    /// proportions). Nil when they are known exactly.
    public struct Estimate: Sendable {
        public var count: Int
        public var trials: Int
        public init(count: Int, trials: Int = 0) { self.count = count; self.trials = trials }
    }

    /// The decision limit that a year of months like `plan`, with nothing shifted, crosses with
    /// probability `falseAlarm`: the (1 - falseAlarm) quantile of the year's highest sum, over
    /// `runs` simulated years drawn from the expected figures. Seeded, so the same on every run.
    /// - Parameter estimatedFrom: where the expected figures came from a baseline, each simulated year
    ///   also draws that baseline afresh and judges its months against what the draw would have
    ///   estimated: a limit for the CUSUM as it is run, on estimated figures (as Jones, Champ and Rigdon,
    ///   Technometrics 2004, show, a limit for known figures alarms more often).
    public func decisionLimit(plan: [Month], falseAlarm: Double, seed: UInt64, estimatedFrom: Estimate? = nil, runs: Int = 4_000) -> Double {
        precondition(!plan.isEmpty, "a plan of at least one month")
        var random = SplitMix64(seed: seed)
        let year = (0..<12).map { plan[$0 % plan.count] }
        let highest = (0..<runs).map { _ in
            // The estimate this year's baseline would have given, as a multiple of the one in use.
            var scale = 1.0
            if let estimatedFrom, estimatedFrom.count > 0 {
                switch design {
                case .poisson:
                    scale = Double(DiagnosticMath.poisson(Double(estimatedFrom.count), &random)) / Double(estimatedFrom.count)
                case .bernoulli:
                    let share = Double(estimatedFrom.count) / Double(max(estimatedFrom.trials, 1))
                    scale = Double(DiagnosticMath.binomial(estimatedFrom.trials, share, &random)) / Double(estimatedFrom.count)
                }
            }
            var sum = 0.0, top = 0.0
            for month in year {
                var drawn = month
                switch design {
                case .poisson:
                    drawn.count = DiagnosticMath.poisson(month.expected, &random)
                    drawn.expected = month.expected * scale
                case .bernoulli:
                    drawn.count = DiagnosticMath.binomial(month.trials, month.expected, &random)
                    drawn.expected = min(month.expected * scale, 0.999)
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
