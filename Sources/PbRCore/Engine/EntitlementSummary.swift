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

        mutating func merge(_ other: Row) {
            payableLines += other.payableLines; payable += other.payable
            pendingLines += other.pendingLines
            cappedLines += other.cappedLines; capped += other.capped
        }

        mutating func add(_ line: Entitlement) {
            switch line.status {
            case .payable: payableLines += 1; payable += line.amount
            case .pending: pendingLines += 1
            case .capped: cappedLines += 1; capped += line.amount
            }
        }
    }

    /// By provider, then outcome.
    ///
    /// - Parameter lines: any order; fastest in output order (grouped by provider), as a run gives them.
    public var rows: [Row]
    public var totalPayable: Money { rows.reduce(.zero) { $0 + $1.payable + $1.capped } }

    public init(_ lines: [Entitlement]) {
        // Millions of lines, a few providers and outcomes: rather than hash two ids a line, look for the
        // outcome among the current provider's rows (lines come grouped by provider, in output order).
        var rows: [Row] = []
        var providerRows = 0..<0
        for line in lines {
            if rows.isEmpty || rows[providerRows.lowerBound].providerID != line.providerID {
                providerRows = rows.count..<rows.count
            }
            if let found = rows[providerRows].firstIndex(where: { $0.outcomeID == line.outcomeID }) {
                rows[found].add(line)
            } else {
                rows.append(Row(providerID: line.providerID, outcomeID: line.outcomeID))
                rows[rows.count - 1].add(line)
                providerRows = providerRows.lowerBound..<rows.count
            }
        }
        // Lines not grouped by provider give a provider's outcome more than one row: join them.
        var joined: [Row] = []
        for row in rows.sorted(by: { ($0.providerID, $0.outcomeID) < ($1.providerID, $1.outcomeID) }) {
            if let last = joined.last, last.providerID == row.providerID, last.outcomeID == row.outcomeID {
                joined[joined.count - 1].merge(row)
            } else {
                joined.append(row)
            }
        }
        self.rows = joined.sorted { a, b in
            a.providerID != b.providerID ? a.providerID < b.providerID : a.outcomeID < b.outcomeID
        }
    }
}
