extension VerificationSample {
    /// An extrapolated recovery as a statement posts it: a `verification` line of the provider's payee,
    /// earned by the provider, with no client.
    public struct Recovery: Hashable, Sendable {
        public var payee: ProviderID
        public var provider: ProviderID
        /// Negative: money taken back.
        public var amount: Money
        public var reason: String
    }

    /// What a period's statements take from the closed samples: the keys of lines found wrong, settled
    /// at zero from the period that posts the sample on (the first of them reverses the line; later
    /// runs cannot pay the key again), and, in that period only, each provider's extrapolated recovery.
    public struct Effects: Sendable {
        public var overrides: [LedgerKey: OutcomeLineDraft.Override] = [:]
        /// In sample period, then provider order.
        public var recoveries: [Recovery] = []
        public init() {}
    }

    public static func effects(_ samples: [VerificationSample], on period: StatementPeriod) -> Effects {
        var effects = Effects()
        for sample in samples.sorted(by: { $0.period < $1.period }) {
            guard let posted = sample.postedIn, posted <= period else { continue }
            for line in sample.lines {
                guard case .notConfirmed(let reason)? = line.finding else { continue }
                effects.overrides[line.key] = .init(amount: .zero, reason: "not confirmed by the verification of \(sample.period): \(reason)",
                                                    component: .verification)
            }
            guard posted == period else { continue }
            for draw in sample.providers where draw.recovery > .zero {
                effects.recoveries.append(Recovery(payee: draw.payee, provider: draw.provider, amount: -draw.recovery, reason: draw.working))
            }
        }
        return effects
    }
}
