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
        // Fields read in place: `for line in lines` would copy each line, retaining its text.
        lines.withUnsafeBufferPointer { lines in
            for line in lines.indices {
                if rows.isEmpty || rows[providerRows.lowerBound].providerID != lines[line].providerID {
                    providerRows = rows.count..<rows.count
                }
                var found = providerRows.first { rows[$0].outcomeID == lines[line].outcomeID }
                if found == nil {
                    rows.append(Row(providerID: lines[line].providerID, outcomeID: lines[line].outcomeID))
                    providerRows = providerRows.lowerBound..<rows.count
                    found = rows.count - 1
                }
                rows[found!].totals.add(status: lines[line].status, amount: lines[line].amount, pendingAmount: lines[line].pendingAmount)
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
