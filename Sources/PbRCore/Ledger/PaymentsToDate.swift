/// What the ledger's issued lines have paid so far, summed by payee, by outcome, by band and by month:
/// the web's overview. Read from the lines the statements hold, not from a fresh run of the contract.
public struct PaymentsToDate: Sendable, Equatable {
    public struct Sum: Sendable, Equatable {
        public var key: String
        public var amount: Money
        public var lines: Int
    }

    public var byPayee: [Sum]
    /// Outcome lines by outcome; the block and attachment fees under their component's name.
    public var byOutcome: [Sum]
    /// Outcome lines by band ("band 3"); lines with no band under "no band".
    public var byBand: [Sum]
    /// Every month from the first to the last line's, months with nothing included.
    public var byMonth: [(period: StatementPeriod, amount: Money)]
    public var total: Money

    public init(_ lines: [StatementLine]) {
        func sums(_ key: (StatementLine) -> String) -> [Sum] {
            var amounts: [String: (Money, Int)] = [:]
            for line in lines {
                let previous = amounts[key(line)] ?? (.zero, 0)
                amounts[key(line)] = (previous.0 + line.amount, previous.1 + 1)
            }
            return amounts.keys.sorted().map { Sum(key: $0, amount: amounts[$0]!.0, lines: amounts[$0]!.1) }
        }
        byPayee = sums { $0.providerID.rawValue }
        byOutcome = sums { $0.outcomeID?.rawValue ?? $0.component.rawValue }
        byBand = sums { $0.band.map { "band \($0)" } ?? "no band" }
        var months: [StatementPeriod: Money] = [:]
        for line in lines { months[line.period, default: .zero] = months[line.period, default: .zero] + line.amount }
        var series: [(StatementPeriod, Money)] = []
        if var month = months.keys.min(), let last = months.keys.max() {
            while month <= last { series.append((month, months[month] ?? .zero)); month = month.next }
        }
        byMonth = series
        total = lines.reduce(.zero) { $0 + $1.amount }
    }

    public static func == (lhs: PaymentsToDate, rhs: PaymentsToDate) -> Bool {
        lhs.byPayee == rhs.byPayee && lhs.byOutcome == rhs.byOutcome && lhs.byBand == rhs.byBand && lhs.total == rhs.total
            && lhs.byMonth.map(\.period) == rhs.byMonth.map(\.period) && lhs.byMonth.map(\.amount) == rhs.byMonth.map(\.amount)
    }
}
