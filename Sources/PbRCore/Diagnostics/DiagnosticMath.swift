#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few numeric helpers the diagnostics need: seeded draws for the simulated decision limits and
/// exact binomial tails. Statistics, not money: Double is right here.
enum DiagnosticMath {
    static func ln(_ x: Double) -> Double { log(x) }

    /// A Poisson draw with mean `mean` (Knuth's product of uniforms below 30; a rounded normal above,
    /// where its error is far below the simulation's own).
    static func poisson(_ mean: Double, _ random: inout SplitMix64) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 30 {
            let limit = exp(-mean)
            var product = uniform(&random), count = 0
            while product > limit { product *= uniform(&random); count += 1 }
            return count
        }
        return max(0, Int((mean + sqrt(mean) * normal(&random)).rounded()))
    }

    /// A binomial draw: by inversion (walking up the probabilities from 0) while the mean is below 30,
    /// a rounded normal above.
    static func binomial(_ trials: Int, _ probability: Double, _ random: inout SplitMix64) -> Int {
        guard trials > 0, probability > 0 else { return 0 }
        guard probability < 1 else { return trials }
        let mean = Double(trials) * probability
        if mean >= 30 {
            let spread = sqrt(mean * (1 - probability))
            return min(trials, max(0, Int((mean + spread * normal(&random)).rounded())))
        }
        let odds = probability / (1 - probability)
        var term = pow(1 - probability, Double(trials)), total = term, count = 0
        let u = uniform(&random)
        while u > total, count < trials {
            term *= odds * Double(trials - count) / Double(count + 1)
            count += 1
            total += term
        }
        return count
    }

    static func uniform(_ random: inout SplitMix64) -> Double { Double(random.next() >> 11) * 0x1p-53 }

    /// A standard normal draw (Box-Muller).
    static func normal(_ random: inout SplitMix64) -> Double {
        let u = max(uniform(&random), 0x1p-53)
        return sqrt(-2 * log(u)) * cos(2 * Double.pi * uniform(&random))
    }

    /// P(X >= k) for X ~ Binomial(n, p), summed exactly in log space.
    static func binomialUpperTail(_ k: Int, _ n: Int, _ p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n else { return 0 }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        return (k...n).reduce(0) { $0 + exp(logChoose(n, $1) + Double($1) * log(p) + Double(n - $1) * log1p(-p)) }
    }

    /// P(X >= k) for X ~ Poisson(mean).
    static func poissonUpperTail(_ k: Int, _ mean: Double) -> Double {
        guard k > 0 else { return 1 }
        var term = exp(-mean), below = 0.0
        for i in 0..<k {
            below += term
            term *= mean / Double(i + 1)
        }
        return max(0, 1 - below)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double { lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) }

    /// The `q` quantile of `values` (the nearest rank above).
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        let index = min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }

    /// A seed from a series' name, so that its simulated limit is the same on every run.
    static func seed(_ name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
