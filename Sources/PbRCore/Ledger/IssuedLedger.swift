/// Everything issued so far for one contract, by key: what each key has been paid in all, and the lines
/// that paid it. Statements are computed against it; it is rebuilt from the issued lines.
public struct IssuedLedger: Sendable {
    public struct Settled: Sendable {
        public var total: Money
        public var lines: [LineReference]
        /// The latest line issued for the key, for the cause of the next adjustment.
        public var latest: StatementLine
    }

    public private(set) var byKey: [LedgerKey: Settled] = [:]
    /// The last period issued; statements are issued in order.
    public private(set) var lastPeriod: StatementPeriod?

    public init() {}

    public init(_ lines: [StatementLine]) {
        self.init()
        record(lines)
    }

    public mutating func record(_ lines: [StatementLine]) {
        for line in lines {
            lastPeriod = max(lastPeriod ?? line.period, line.period)
            guard let key = line.key else { continue }
            // In place: a copy of the entry out of the dictionary would copy its lines on every append.
            if let index = byKey.index(forKey: key) {
                byKey.values[index].total += line.amount
                byKey.values[index].lines.append(line.reference)
                byKey.values[index].latest = line
            } else {
                byKey[key] = Settled(total: line.amount, lines: [line.reference], latest: line)
            }
        }
    }
}
