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
        for line in lines { totals[line.band.value - Band.range.lowerBound].totals.add(line) }
        rows = totals.filter { $0.totals.lines > 0 }
    }
}
