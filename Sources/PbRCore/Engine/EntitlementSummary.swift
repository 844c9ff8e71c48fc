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
    }

    /// By provider, then outcome.
    public var rows: [Row]
    public var totalPayable: Money { rows.reduce(.zero) { $0 + $1.payable + $1.capped } }

    public init(_ lines: [Entitlement]) {
        var rows: [String: Row] = [:]
        for line in lines {
            let key = line.providerID.rawValue + "\u{0}" + line.outcomeID.rawValue
            var row = rows[key] ?? Row(providerID: line.providerID, outcomeID: line.outcomeID)
            switch line.status {
            case .payable: row.payableLines += 1; row.payable += line.amount
            case .pending: row.pendingLines += 1
            case .capped: row.cappedLines += 1; row.capped += line.amount
            }
            rows[key] = row
        }
        self.rows = rows.values.sorted { a, b in
            a.providerID != b.providerID ? a.providerID < b.providerID : a.outcomeID < b.outcomeID
        }
    }
}
