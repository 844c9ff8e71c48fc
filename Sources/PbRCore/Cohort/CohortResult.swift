/// One cohort of one cohort outcome as of a day: its members, the rate they reached, what it is
/// compared with, and, once its window and data lag have passed, what it pays and to whom.
public struct CohortResult: Sendable {
    public var outcome: OutcomeID
    public var period: CohortPeriod
    /// The last member's test closes on this day (the cohort's last start day plus the window).
    public var closesOn: Day
    /// `closesOn` plus the data lag: the cohort pays from this day.
    public var dueOn: Day
    /// Client, then start, order.
    public var members: [CohortMember]
    /// The rate compared with; nil when there is none yet (no comparison for the cohort, or no
    /// journeys in the baseline period).
    public var baseline: Ratio?
    /// Where the baseline comes from, in words.
    public var baselineSource: String
    /// The arithmetic; nil until the cohort is due, or when it has no member or no baseline.
    public var payment: CohortPayment?
    /// Each provider's part of the payment, in pence that add up to it exactly; with a prime, the
    /// prime's alone.
    public var shares: [ProviderID: Money]

    /// The members counted in the rate (not left out), and those that passed.
    public var counted: Int { members.filter { $0.result != .leftOut }.count }
    public var passed: Int { members.filter { $0.result == .passed }.count }

    /// The journeys each provider started that count in the rate.
    public var startedBy: [ProviderID: Int] {
        members.filter { $0.result != .leftOut }.reduce(into: [:]) { $0[$1.startedBy, default: 0] += 1 }
    }
}

/// Splits an amount among providers in proportion to their counts: each is rounded down to the penny
/// and the pennies left go one each to the largest remainders (ties: provider order), so that the
/// parts add up to the whole.
public enum PennyShares {
    public static func split(_ amount: Money, by counts: [ProviderID: Int]) -> [ProviderID: Money] {
        let total = Int128(counts.values.reduce(0, +))
        guard total > 0 else { return [:] }
        let pence = Int128(amount.pence)
        let providers = counts.keys.sorted()
        var shares = Dictionary(uniqueKeysWithValues: providers.map { ($0, pence * Int128(counts[$0]!) / total) })
        var left = pence - shares.values.reduce(0, +)
        let byRemainder = providers.sorted { a, b in
            let (x, y) = (pence * Int128(counts[a]!) % total, pence * Int128(counts[b]!) % total)
            return x != y ? x > y : a < b
        }
        for provider in byRemainder where left > 0 {
            shares[provider]! += 1
            left -= 1
        }
        return shares.mapValues { Money(pence: Int64($0)) }
    }
}
