/// What one profile earns a provider under a contract: at most, and on the stated rates.
public struct ProfileEarning: Sendable {
    /// One outcome the profile can be paid for.
    public struct Outcome: Sendable, Equatable {
        public var id: OutcomeID
        /// What the outcome pays on its own (all its parts), at the profile's band, the engine's price.
        public var price: Money
        /// What it pays in the client who reaches everything: less than `price` (often nothing) for the
        /// lesser outcome of an exclusive group, or where a cap cuts it.
        public var paidAtMost: Money
        /// The stated chance, in basis points.
        public var rateBasisPoints: Int
    }

    public var profile: ProofProfile
    /// The most a provider can earn: the engine's payable amounts for the client who reaches everything.
    public var most: Money
    /// Σ price × rate over `outcomes`, exact, rounded down to the penny once, and never above `most`.
    public var expected: Money
    /// In the contract's order.
    public var outcomes: [Outcome]
    /// 1 for the profile paid least.
    public var rank: Int
}

/// A set of rates that cannot be read for a contract's profiles.
public enum ProofError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The contract pays `outcome` to `profile` and the rates give it no chance.
    case noRate(outcome: OutcomeID, profile: String)
    /// An exclusive group's rates add up to more than certainty for a profile eligible for them.
    case groupOverCertain(group: String, basisPoints: Int, profile: String)

    public var description: String {
        switch self {
        case let .noRate(outcome, profile):
            "the rates give no chance for \(outcome), which the contract pays for \(profile): add it under rates"
        case let .groupOverCertain(group, basisPoints, profile):
            "the rates of exclusive group \(group) add up to \(Money(pence: Int64(basisPoints)))% for \(profile): "
                + "each is the chance that outcome is the best reached in the group, so together at most 100%"
        }
    }
}
