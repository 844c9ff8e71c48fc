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
public typealias VersionResolver = VersionResolving<String>

/// `VersionResolver` with any payload: the store's reader keeps each version's text itself, as bytes,
/// and gives the resolver nothing (`Void`) but whether the version is a withdrawal.
public struct VersionResolving<Payload> {
    /// A version's place in time: the extract's `known_at` (epoch seconds), then the import order.
    public typealias Version = (knownAt: Int64, sequence: Int64)
    /// A record whose latest version is not a withdrawal: its kind, key, payload and version.
    public typealias Winner = (kind: RecordKind, key: String, payload: Payload, version: Version)

    // Inlinable, so that a module using another payload gets code specialised for it: unspecialised,
    // the store's reader took twice as long to read the journal.
    @usableFromInline var current: (kind: RecordKind, key: String, version: Version, payload: Payload?)?
    @usableFromInline var withdrawals: [String: Version] = [:]

    /// For each client withdrawn at least once, its latest withdrawal.
    public var clientWithdrawals: [String: Version] { withdrawals }

    @inlinable public init() {}

    /// Adds the next version in order; `payload` is `nil` for a withdrawal. Returns the record before it
    /// when this version is another record's and that record's latest version is not a withdrawal:
    /// returned, not handed to a closure, so that the reader that owns the resolver needs no reference
    /// to itself (a row at a time, millions of times a run).
    @inlinable public mutating func add(kind: RecordKind, key: String, version: Version, payload: Payload?) -> Winner? {
        var winner: Winner?
        if let current, current.kind != kind || current.key != key { winner = flush() }
        if kind == .clients, payload == nil { withdrawals[key] = version }
        current = (kind, key, version, payload)
        return winner
    }

    /// The last record, if it won; call once after the last `add`.
    @inlinable public mutating func finish() -> Winner? { flush() }

    /// True when a record of `client` at `version` is hidden by a later withdrawal of its client.
    public func isHidden(client: ClientID, version: Version) -> Bool {
        Self.isHidden(client: client, version: version, by: clientWithdrawals)
    }

    /// The same test against a table of client withdrawals taken from a resolver.
    public static func isHidden(client: ClientID, version: Version, by withdrawals: [String: Version]) -> Bool {
        guard let withdrawn = withdrawals[client.rawValue] else { return false }
        return withdrawn > version
    }

    @inlinable mutating func flush() -> Winner? {
        guard let current else { return nil }
        self.current = nil
        return current.payload.map { (current.kind, current.key, $0, current.version) }
    }
}

extension VersionResolving<String> {
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
