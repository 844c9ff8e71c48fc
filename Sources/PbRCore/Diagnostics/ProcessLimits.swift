/// Statistical process control limits locked on a baseline, as NHS England's "Making Data Count"
/// draws its charts: an XmR chart for counts, Laney's P′ chart for proportions. The charts are for
/// reading; the alerts come from the CUSUMs and threshold tests, not from these limits.
public enum ProcessLimits {
    /// The XmR (individuals) chart's constant: 3 / d2, d2 = 1.128 for moving ranges of two points.
    public static let xmrScale = 2.66
    /// d2 for moving ranges of two points: the mean moving range over d2 estimates sigma.
    public static let d2 = 1.128

    /// An XmR chart's centre and process limits: the baseline's mean, plus or minus 2.66 times the mean
    /// moving range of consecutive baseline months.
    public struct XmR: Sendable, Equatable {
        public var mean: Double
        public var meanMovingRange: Double
        public var lower: Double { mean - xmrScale * meanMovingRange }
        public var upper: Double { mean + xmrScale * meanMovingRange }

        /// Beyond a limit: a point the chart marks.
        public func isOutside(_ value: Double) -> Bool { value < lower || value > upper }
    }

    /// The XmR limits of a series' baseline values, or nil with fewer than two (no moving range).
    /// The lower limit may be below 0; a count's chart cannot show it.
    public static func xmr(baseline: [Double]) -> XmR? {
        guard baseline.count >= 2 else { return nil }
        let mean = baseline.reduce(0, +) / Double(baseline.count)
        let ranges = zip(baseline, baseline.dropFirst()).map { abs($1 - $0) }
        return XmR(mean: mean, meanMovingRange: ranges.reduce(0, +) / Double(ranges.count))
    }

    /// Laney's P′ chart (Laney 2002): a P chart whose limits are widened (or narrowed) by the spread of
    /// the baseline's z-scores, so that large monthly denominators do not make every wobble a signal.
    public struct PPrime: Sendable, Equatable {
        /// The baseline's pooled proportion: all its counts over all its trials.
        public var pBar: Double
        /// The spread of the baseline's z-scores: their mean moving range over 1.128.
        public var sigmaZ: Double

        /// The binomial standard error of a month with `trials` at p̄.
        public func sigma(trials: Int) -> Double {
            precondition(trials > 0, "a proportion of at least one trial")
            return (pBar * (1 - pBar) / Double(trials)).squareRoot()
        }

        /// p̄ ± 3 σ_pi σ_z for a month of `trials`, kept within 0 and 1 (a share cannot go beyond them).
        public func limits(trials: Int) -> ClosedRange<Double> {
            let half = 3 * sigma(trials: trials) * sigmaZ
            return max(0, pBar - half)...min(1, pBar + half)
        }

        public func isOutside(count: Int, trials: Int) -> Bool {
            guard trials > 0 else { return false }
            return !limits(trials: trials).contains(Double(count) / Double(trials))
        }
    }

    /// The P′ limits of a series' baseline months (count out of trials each). Months with no trials have
    /// no proportion and are left out of the moving ranges. Nil when the baseline cannot set them: fewer
    /// than two months with trials, or p̄ at 0 or 1 (no binomial spread).
    public static func pPrime(baseline: [(count: Int, trials: Int)]) -> PPrime? {
        let months = baseline.filter { $0.trials > 0 }
        let (counts, trials) = months.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.trials) }
        guard months.count >= 2 else { return nil }
        let pBar = Double(counts) / Double(trials)
        guard pBar > 0, pBar < 1 else { return nil }
        let unscaled = PPrime(pBar: pBar, sigmaZ: 1)
        let z = months.map { (Double($0.count) / Double($0.trials) - pBar) / unscaled.sigma(trials: $0.trials) }
        let ranges = zip(z, z.dropFirst()).map { abs($1 - $0) }
        return PPrime(pBar: pBar, sigmaZ: ranges.reduce(0, +) / Double(ranges.count) / d2)
    }
}
