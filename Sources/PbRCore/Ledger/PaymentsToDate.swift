/// What the ledger's issued lines have paid so far, summed by payee, by outcome, by band and by month:
/// the web's overview. Read from the lines the statements hold, not from a fresh run of the contract.
public struct PaymentsToDate: Sendable, Equatable {
    public struct Sum: Sendable, Equatable {
        public var key: String
        public var amount: Money
        public var lines: Int

        public init(key: String, amount: Money, lines: Int) { self.key = key; self.amount = amount; self.lines = lines }
    }

    public var byPayee: [Sum]
    /// Outcome lines by outcome; the block and attachment fees under their component's name.
    public var byOutcome: [Sum]
    /// Outcome lines by band ("band 3"); lines with no band under "no band".
    public var byBand: [Sum]
    /// Every month from the first to the last line's, months with nothing included.
    public var byMonth: [(period: StatementPeriod, amount: Money)]
    public var total: Money

    /// Issued lines that agree on everything the sums read, summed: what the store hands over instead of
    /// every line with its reason, so that the overview costs one grouped query however long the ledger.
    public struct Group: Sendable, Equatable {
        public var payee: ProviderID
        public var earnedBy: ProviderID?
        /// The outcome, or for a fee the component's name.
        public var outcomeOrComponent: String
        public var band: Band?
        public var period: StatementPeriod
        public var amount: Money
        public var lines: Int

        public init(payee: ProviderID, earnedBy: ProviderID?, outcomeOrComponent: String, band: Band?, period: StatementPeriod,
                    amount: Money, lines: Int) {
            self.payee = payee; self.earnedBy = earnedBy; self.outcomeOrComponent = outcomeOrComponent; self.band = band
            self.period = period; self.amount = amount; self.lines = lines
        }

        public init(_ line: StatementLine) {
            self.init(payee: line.providerID, earnedBy: line.earnedBy, outcomeOrComponent: line.outcomeID?.rawValue ?? line.component.rawValue,
                      band: line.band, period: line.period, amount: line.amount, lines: 1)
        }
    }

    public init(_ lines: [StatementLine]) {
        self.init(groups: lines.map(Group.init))
    }

    public init(groups: [Group]) {
        func sums(_ key: (Group) -> String) -> [Sum] {
            var amounts: [String: (Money, Int)] = [:]
            for group in groups {
                let previous = amounts[key(group)] ?? (.zero, 0)
                amounts[key(group)] = (previous.0 + group.amount, previous.1 + group.lines)
            }
            return amounts.keys.sorted().map { Sum(key: $0, amount: amounts[$0]!.0, lines: amounts[$0]!.1) }
        }
        byPayee = sums { $0.payee.rawValue }
        byOutcome = sums { $0.outcomeOrComponent }
        byBand = sums { $0.band.map { "band \($0)" } ?? "no band" }
        var months: [StatementPeriod: Money] = [:]
        for group in groups { months[group.period, default: .zero] = months[group.period, default: .zero] + group.amount }
        var series: [(StatementPeriod, Money)] = []
        if var month = months.keys.min(), let last = months.keys.max() {
            while month <= last { series.append((month, months[month] ?? .zero)); month = month.next }
        }
        byMonth = series
        total = groups.reduce(.zero) { $0 + $1.amount }
    }

    public static func == (lhs: PaymentsToDate, rhs: PaymentsToDate) -> Bool {
        lhs.byPayee == rhs.byPayee && lhs.byOutcome == rhs.byOutcome && lhs.byBand == rhs.byBand && lhs.total == rhs.total
            && lhs.byMonth.map(\.period) == rhs.byMonth.map(\.period) && lhs.byMonth.map(\.amount) == rhs.byMonth.map(\.amount)
    }
}
