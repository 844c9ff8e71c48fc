/// Picks, for each record, the version a run may see: the latest with `known_at` at or before the run's
/// cut-off (ties: the later import). Withdrawals, and the records of clients whose latest version is a
/// withdrawal, are left out.
///
/// The caller hands over the versions at or before the cut-off, sorted by (kind, key, known_at,
/// sequence), as the store reads them: each record's versions are then adjacent and the last one wins,
/// in one pass, with no table of every key in memory. A version's payload is the record's canonical text
/// (`RecordSchema.canonicalText`), decoded only for the version that wins.
public struct VersionResolver {
    private var current: (kind: RecordKind, key: String, payload: String?)?
    private var emit: (RecordKind, String, String) -> Void
    /// Clients whose visible version is a withdrawal: their records are not to be used.
    public private(set) var withdrawnClients: Set<String> = []

    /// - Parameter emit: called once for each visible record with its kind, key and canonical text.
    public init(emit: @escaping (RecordKind, String, String) -> Void) { self.emit = emit }

    /// Adds the next version in order; `payload` is `nil` for a withdrawal.
    public mutating func add(kind: RecordKind, key: String, payload: String?) {
        if let current, current.kind != kind || current.key != key { flush() }
        current = (kind, key, payload)
    }

    /// Emits the last record; call once after the last `add`.
    public mutating func finish() { flush() }

    private mutating func flush() {
        guard let current else { return }
        self.current = nil
        if let payload = current.payload {
            emit(current.kind, current.key, payload)
        } else if current.kind == .clients {
            withdrawnClients.insert(current.key)
        }
    }
}

extension VersionResolver {
    /// The visible records of a journal held in memory, in any order (for tests and simulations).
    public static func records(of entries: [JournalEntry], knownAt: Moment?) -> [Record] {
        var records: [Record] = []
        var resolver = VersionResolver { kind, _, text in records.append(RecordSchema.record(kind, canonical: text)!) }
        let visible = entries.filter { entry in knownAt.map { entry.knownAt <= $0 } ?? true }
        let sorted = visible.sorted { a, b in
            (a.kind, a.key) != (b.kind, b.key) ? (a.kind, a.key) < (b.kind, b.key) : b.supersedes(a)
        }
        for entry in sorted {
            resolver.add(kind: entry.kind, key: entry.key, payload: entry.record.map(RecordSchema.canonicalText))
        }
        resolver.finish()
        let withdrawn = resolver.withdrawnClients
        return records.filter { !withdrawn.contains($0.clientID.rawValue) }
    }
}
