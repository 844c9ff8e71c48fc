#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PbRCore

/// One simulated cohort (`CohortModel`): the journal facts of every client referred, as an extract would
/// hold them, from the contract's first day to `through`. The same seed gives the same facts.
public struct CohortSimulator: Sendable {
    public let model: CohortModel
    public let start: Day
    public let through: Day
    public let seed: UInt64

    public init(model: CohortModel, start: Day, through: Day, seed: UInt64) {
        self.model = model; self.start = start; self.through = through; self.seed = seed
    }

    /// Every client's records, client by client.
    public func records() -> [[Record]] {
        var clients: [[Record]] = []
        eachClient { clients.append($0.records) }
        return clients
    }

    /// The clients' histories, as a run would load them: each drawn straight into its history, with no
    /// records between.
    public func histories() -> [ClientHistory] {
        var histories: [ClientHistory] = []
        eachClient { histories.append($0.history) }
        return histories
    }

    /// Draws the clients in order, handing each one to `take`.
    private func eachClient(_ take: (CohortClient) -> Void) {
        let draws = CohortClient.Draws(model)
        var count = 0
        for month in 0..<model.referralMonths {
            let first = start.adding(months: month)
            guard first <= through else { break }
            // Each month's count from a generator of its own, so that a longer horizon adds to the same cohort.
            var counts = SplitMix64(seed: seed ^ (UInt64(month + 1) &* 0x9E37_79B9_7F4A_7C15))
            for provider in model.providers {
                let referrals = model.referralsVary ? Self.poisson(Double(model.referralsPerMonth), &counts) : model.referralsPerMonth
                for _ in 0..<referrals {
                    count += 1
                    var random = SplitMix64(seed: seed &+ UInt64(count) &* 0xBF58_476D_1CE4_E5B9)
                    let referral = first.adding(days: random.int(0...27))
                    var client = CohortClient(model: model, draws: draws, number: count, provider: provider, through: through)
                    client.live(referredOn: referral, &random)
                    take(client)
                }
            }
        }
    }

    /// A Poisson count by Knuth's product of uniforms, in steps of 30 so that e^-mean stays representable.
    static func poisson(_ mean: Double, _ random: inout SplitMix64) -> Int {
        var remaining = mean, count = 0
        while remaining > 0 {
            let step = min(remaining, 30)
            remaining -= step
            let limit = exp(-step)
            var product = random.double(0..<1)
            while product > limit {
                count += 1
                product *= random.double(0..<1)
            }
        }
        return count
    }
}
