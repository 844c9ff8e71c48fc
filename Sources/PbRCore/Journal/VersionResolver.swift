/// Picks, for each record, the version a run may see: the latest with `known_at` at or before the run's
/// cut-off (ties: the later import). A withdrawal hides its record until the record is sent again. A
/// client's withdrawal also hides every record of that client whose latest version is older than the
/// withdrawal; each stays hidden until it is itself sent again (DOMAIN.md: "withdraws it and all its
/// records, which stay withdrawn until sent again").
///
/// The caller hands over the versions at or before the cut-off, sorted by (kind, key, known_at,
/// sequence), as the store reads them: each record's versions are then adjacent and the last one wins,
/// in one pass, with no table of every key in memory; `add` returns each winner once the next record starts. A version's payload is the record's canonical text
/// (`RecordSchema.canonicalText`), decoded only for the version that wins. Since client withdrawals may
/// arrive after the records they hide, `isHidden` is asked once every version has been added.
public struct VersionResolver {
    /// A version's place in time: the extract's `known_at` (epoch seconds), then the import order.
    public typealias Version = (knownAt: Int64, sequence: Int64)
    /// A record whose latest version is not a withdrawal: its kind, key, canonical text and version.
    public typealias Winner = (kind: RecordKind, key: String, payload: String, version: Version)

    private var current: (kind: RecordKind, key: String, version: Version, payload: String?)?
    /// For each client withdrawn at least once, its latest withdrawal.
    public private(set) var clientWithdrawals: [String: Version] = [:]

    public init() {}

    /// Adds the next version in order; `payload` is `nil` for a withdrawal. Returns the record before it
    /// when this version is another record's and that record's latest version is not a withdrawal:
    /// returned, not handed to a closure, so that the reader that owns the resolver needs no reference
    /// to itself (a row at a time, millions of times a run).
    public mutating func add(kind: RecordKind, key: String, version: Version, payload: String?) -> Winner? {
        var winner: Winner?
        if let current, current.kind != kind || current.key != key { winner = flush() }
        if kind == .clients, payload == nil { clientWithdrawals[key] = version }
        current = (kind, key, version, payload)
        return winner
    }

    /// The last record, if it won; call once after the last `add`.
    public mutating func finish() -> Winner? { flush() }

    /// True when a record of `client` at `version` is hidden by a later withdrawal of its client.
    public func isHidden(client: ClientID, version: Version) -> Bool {
        Self.isHidden(client: client, version: version, by: clientWithdrawals)
    }

    /// The same test against a table of client withdrawals taken from a resolver.
    public static func isHidden(client: ClientID, version: Version, by withdrawals: [String: Version]) -> Bool {
        guard let withdrawn = withdrawals[client.rawValue] else { return false }
        return withdrawn > version
    }

    private mutating func flush() -> Winner? {
        guard let current else { return nil }
        self.current = nil
        return current.payload.map { (current.kind, current.key, $0, current.version) }
    }
}

extension VersionResolver {
    /// The visible records of a journal held in memory, in any order (for tests and simulations).
    public static func records(of entries: [JournalEntry], knownAt: Moment?) -> [Record] {
        var winners: [(Record, Version)] = []
        var resolver = VersionResolver()
        func keep(_ winner: Winner?) {
            if let winner { winners.append((RecordSchema.record(winner.kind, canonical: winner.payload)!, winner.version)) }
        }
        let visible = entries.filter { entry in knownAt.map { entry.knownAt <= $0 } ?? true }
        let sorted = visible.sorted { a, b in
            (a.kind, a.key) != (b.kind, b.key) ? (a.kind, a.key) < (b.kind, b.key) : b.supersedes(a)
        }
        for entry in sorted {
            keep(resolver.add(kind: entry.kind, key: entry.key, version: (entry.knownAt.epochSeconds, entry.sequence),
                              payload: entry.record.map(RecordSchema.canonicalText)))
        }
        keep(resolver.finish())
        return winners.filter { record, version in
            record.kind == .clients || !resolver.isHidden(client: record.clientID, version: version)
        }.map(\.0)
    }
}
