/// Everything issued so far for one contract, by key: what each key has been paid in all, its latest
/// line's fields and the lines that paid it. Statements are computed against it; it is rebuilt from the
/// issued lines. At national scale it holds about a million keys, so an entry keeps only what the next
/// period reads, and the entries sit in an array with a dictionary of positions beside it: a dictionary
/// of wide values would be mostly empty buckets, and a period can mark the keys it has settled by
/// position (`Unsettled`) instead of copying the ledger.
public struct IssuedLedger: Sendable {
    /// What the next adjustment of a key takes from the latest line issued for it: the fields it keeps
    /// when the run no longer owes the key, the cause it compares with, and where that line stands.
    public struct Latest: Hashable, Sendable {
        public var reference: LineReference
        public var period: StatementPeriod
        public var earnedBy: ProviderID?
        public var band: Band?
        public var achievedOn: Day?
        public var dueOn: Day?

        public init(reference: LineReference, period: StatementPeriod, earnedBy: ProviderID?, band: Band?, achievedOn: Day?, dueOn: Day?) {
            self.reference = reference; self.period = period; self.earnedBy = earnedBy; self.band = band
            self.achievedOn = achievedOn; self.dueOn = dueOn
        }

        public init(_ line: StatementLine) {
            self.init(reference: line.reference, period: line.period, earnedBy: line.earnedBy, band: line.band,
                      achievedOn: line.achievedOn, dueOn: line.dueOn)
        }
    }

    public struct Settled: Equatable, Sendable {
        public var total: Money
        public var latest: Latest
        /// The lines before the latest, oldest first: empty for nearly every key, and an empty array
        /// takes no memory of its own.
        var earlier: [LineReference] = []

        /// Every line issued for the key, oldest first: what an adjustment refers to.
        public var lines: [LineReference] { earlier + [latest.reference] }
    }

    private(set) var positions: [LedgerKey: Int] = [:]
    private(set) var entries: [Settled] = []

    public init() {}

    public init(_ lines: [StatementLine]) {
        self.init()
        reserveCapacity(lines.count)
        record(lines)
    }

    /// What was issued for `key`; nil when nothing was.
    public subscript(key: LedgerKey) -> Settled? { positions[key].map { entries[$0] } }

    /// The number of keys issued for.
    public var count: Int { entries.count }

    /// Every key issued for, with what was settled, in no particular order.
    public var all: [(key: LedgerKey, settled: Settled)] { positions.map { ($0.key, entries[$0.value]) } }

    public mutating func record(_ lines: [StatementLine]) {
        for line in lines { record(line.key, amount: line.amount, latest: Latest(line)) }
    }

    /// Records one issued line, lines being recorded in the order issued.
    /// - Parameter key: the key the line settles; nil for a block line, which is not kept.
    public mutating func record(_ key: LedgerKey?, amount: Money, latest: Latest) {
        guard let key else { return }
        if let position = positions[key] {
            // In place: a copy of the entry out of the array would copy its references on every append.
            entries[position].total += amount
            entries[position].earlier.append(entries[position].latest.reference)
            entries[position].latest = latest
        } else {
            positions[key] = entries.count
            entries.append(Settled(total: amount, latest: latest))
        }
    }

    /// Room for `keys` keys, asked once before reading a whole ledger: without it, a million keys
    /// read into an empty ledger are rehashed about once more as the dictionary grows. (Not for each
    /// period: an array reserves exactly what it is asked, so growing it a little at a time would copy
    /// it every time.)
    public mutating func reserveCapacity(_ keys: Int) {
        positions.reserveCapacity(keys)
        entries.reserveCapacity(keys)
    }
}
