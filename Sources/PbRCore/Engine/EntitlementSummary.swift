/// Totals of a run for people: by provider and outcome, payable, pending and capped.
public struct EntitlementSummary: Sendable {
    public struct Row: Sendable, Equatable {
        public var providerID: ProviderID
        public var outcomeID: OutcomeID
        public var payableLines = 0
        public var payable = Money.zero
        public var pendingLines = 0
        public var cappedLines = 0
        public var capped = Money.zero

        mutating func add(_ line: Entitlement) {
            switch line.status {
            case .payable: payableLines += 1; payable += line.amount
            case .pending: pendingLines += 1
            case .capped: cappedLines += 1; capped += line.amount
            }
        }
    }

    /// By provider, then outcome.
    public var rows: [Row]
    public var totalPayable: Money { rows.reduce(.zero) { $0 + $1.payable + $1.capped } }

    public init(_ lines: [Entitlement]) {
        struct Key: Hashable { let provider: ProviderID, outcome: OutcomeID }
        var rows: [Key: Row] = [:]
        for line in lines {
            let key = Key(provider: line.providerID, outcome: line.outcomeID)
            rows[key, default: Row(providerID: line.providerID, outcomeID: line.outcomeID)].add(line)
        }
        self.rows = rows.values.sorted { a, b in
            a.providerID != b.providerID ? a.providerID < b.providerID : a.outcomeID < b.outcomeID
        }
    }
}
