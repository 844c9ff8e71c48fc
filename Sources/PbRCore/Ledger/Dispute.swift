/// A payee's dispute of an issued line. Nothing issued is edited: from the period after it is raised the
/// line's amount is held back (a claw-back suspended, a payment withheld) and shown apart; the period
/// after it is resolved releases the hold, and an upheld dispute also owes the key `upheldTotal` from
/// then on, which the ledger issues as an adjustment naming the dispute.
public struct Dispute: Hashable, Sendable {
    public enum Resolution: String, Sendable { case open, upheld, rejected }

    public var line: LineReference
    public var payee: ProviderID
    public var key: LedgerKey
    /// The disputed line's amount.
    public var amount: Money
    public var reason: String
    /// The first period whose statement holds the amount back.
    public var heldFrom: StatementPeriod
    public var resolution: Resolution
    /// For an upheld dispute: what the key is owed in all from `resolvedFrom` on.
    public var upheldTotal: Money
    public var note: String
    /// The first period issued after the resolution.
    public var resolvedFrom: StatementPeriod?

    public init(line: LineReference, payee: ProviderID, key: LedgerKey, amount: Money, reason: String, heldFrom: StatementPeriod,
                resolution: Resolution = .open, upheldTotal: Money = .zero, note: String = "", resolvedFrom: StatementPeriod? = nil) {
        self.line = line; self.payee = payee; self.key = key; self.amount = amount; self.reason = reason; self.heldFrom = heldFrom
        self.resolution = resolution; self.upheldTotal = upheldTotal; self.note = note; self.resolvedFrom = resolvedFrom
    }

    /// How the dispute stands as a statement of `period` sees it: `open`, or `upheld from 2013-08: note`.
    public func state(in period: StatementPeriod) -> String {
        guard let resolvedFrom, resolvedFrom <= period else { return "open" }
        return "\(resolution.rawValue) from \(resolvedFrom): \(note)"
    }

    /// What a period's statements take from the disputes: each payee's change in what is held back
    /// (negative: held; positive: released), and the keys upheld disputes settle.
    public struct Effects: Sendable {
        public var holds: [ProviderID: Money] = [:]
        public var overrides: [LedgerKey: OutcomeLineDraft.Override] = [:]
        public init() {}
    }

    public static func effects(_ disputes: [Dispute], on period: StatementPeriod) -> Effects {
        var effects = Effects()
        for dispute in disputes {
            if dispute.heldFrom == period { effects.holds[dispute.payee, default: .zero] -= dispute.amount }
            guard let resolved = dispute.resolvedFrom else { continue }
            if resolved == period { effects.holds[dispute.payee, default: .zero] += dispute.amount }
            if dispute.resolution == .upheld, resolved <= period {
                effects.overrides[dispute.key] = .init(amount: dispute.upheldTotal,
                                                       reason: "dispute of \(dispute.line) upheld: \(dispute.note)")
            }
        }
        return effects
    }
}
