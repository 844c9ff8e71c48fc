/// Totals of a run for people: by provider and outcome, payable, pending and capped.
public struct EntitlementSummary: Sendable {
    public struct Row: Sendable, Equatable {
        public var providerID: ProviderID
        public var outcomeID: OutcomeID
        public var totals = LineTotals()
    }

    /// By provider, then outcome.
    public var rows: [Row]
    /// Every line's.
    public var total: LineTotals { rows.reduce(into: LineTotals()) { $0.merge($1.totals) } }
    public var totalPayable: Money { total.owed }

    /// One provider's, over its outcomes.
    public func total(of provider: ProviderID) -> LineTotals {
        rows.reduce(into: LineTotals()) { if $1.providerID == provider { $0.merge($1.totals) } }
    }

    /// - Parameter lines: any order; fastest in output order (grouped by provider), as a run gives them.
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
                rows[found].totals.add(line)
            } else {
                rows.append(Row(providerID: line.providerID, outcomeID: line.outcomeID))
                rows[rows.count - 1].totals.add(line)
                providerRows = providerRows.lowerBound..<rows.count
            }
        }
        // Lines not grouped by provider give a provider's outcome more than one row: join them.
        var joined: [Row] = []
        for row in rows.sorted(by: { ($0.providerID, $0.outcomeID) < ($1.providerID, $1.outcomeID) }) {
            if let last = joined.last, last.providerID == row.providerID, last.outcomeID == row.outcomeID {
                joined[joined.count - 1].totals.merge(row.totals)
            } else {
                joined.append(row)
            }
        }
        self.rows = joined.sorted { a, b in
            a.providerID != b.providerID ? a.providerID < b.providerID : a.outcomeID < b.outcomeID
        }
    }
}
