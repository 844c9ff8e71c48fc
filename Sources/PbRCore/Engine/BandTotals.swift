/// Totals of a run by the band each line is priced at (the band in force on its achievement day).
public struct BandTotals: Sendable {
    public struct Row: Sendable, Equatable {
        public var band: Band
        public var totals = LineTotals()
    }

    /// In band order; only bands that have lines.
    public var rows: [Row]

    /// - Parameter lines: any order.
    public init(_ lines: [Entitlement]) {
        var totals = Band.all.map { Row(band: $0) }
        // Fields read in place: `for line in lines` would copy each line, retaining its text, a million
        // times for a national run.
        lines.withUnsafeBufferPointer { lines in
            for line in lines.indices {
                totals[lines[line].band.value - Band.range.lowerBound].totals
                    .add(status: lines[line].status, amount: lines[line].amount, pendingAmount: lines[line].pendingAmount)
            }
        }
        rows = totals.filter { $0.totals.lines > 0 }
    }
}
