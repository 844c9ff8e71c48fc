extension IssuedLedger {
    /// The keys of a ledger a period's run has not yet accounted for. Each key the run owes is taken
    /// once; what is left was issued for but is no longer owed. Marks keys by position, so a period
    /// does not copy a million totals to strike them off.
    public struct Unsettled: Sendable {
        private let ledger: IssuedLedger
        private var taken: [Bool]

        public init(_ ledger: IssuedLedger) {
            self.ledger = ledger
            taken = Array(repeating: false, count: ledger.count)
        }

        /// The total issued for `key`, the first time it is taken; nil after that, or if nothing was issued for it.
        public mutating func take(_ key: LedgerKey) -> Money? {
            guard let position = ledger.positions[key], !taken[position] else { return nil }
            taken[position] = true
            return ledger.entries[position].total
        }

        public func contains(_ key: LedgerKey) -> Bool {
            guard let position = ledger.positions[key] else { return false }
            return !taken[position]
        }

        /// Every key not taken, with its total, in no particular order.
        public var remaining: [(key: LedgerKey, total: Money)] {
            ledger.positions.compactMap { key, position in taken[position] ? nil : (key, ledger.entries[position].total) }
        }
    }
}
