/// Picks, for each record, the version a run may see: the latest with `known_at` at or before the run's
/// cut-off (ties: the later import). Withdrawals, and the records of clients whose latest version is a
/// withdrawal, are left out.
///
/// Versions arrive sorted by (kind, key, known_at, sequence), as the store reads them, so that each
/// record's versions are adjacent and the last one wins: one pass, no table of every key in memory.
/// A version's payload is the record's canonical text (`RecordSchema.canonicalText`), decoded only for
/// the version that wins.
public struct VersionResolver {
    public typealias Payload = String

    public let knownAt: Moment?
    private var current: (kind: RecordKind, key: String, knownAt: Int64, sequence: Int64, payload: Payload?)?
    private var emit: (RecordKind, String, Payload) -> Void
    /// Clients whose visible version is a withdrawal: their records are not to be used.
    public private(set) var withdrawnClients: Set<String> = []

    /// - Parameters:
    ///   - knownAt: the run's cut-off; `nil` sees everything imported.
    ///   - emit: called once for each visible record with its kind, key and payload.
    public init(knownAt: Moment?, emit: @escaping (RecordKind, String, Payload) -> Void) {
        self.knownAt = knownAt
        self.emit = emit
    }

    /// Adds the next version; `payload` is `nil` for a withdrawal.
    public mutating func add(kind: RecordKind, key: String, knownAt: Int64, sequence: Int64, payload: Payload?) {
        if let cutoff = self.knownAt, knownAt > cutoff.epochSeconds { return }
        if let current, current.kind == kind, current.key == key {
            precondition((knownAt, sequence) >= (current.knownAt, current.sequence), "versions must arrive in order")
        } else {
            flush()
        }
        current = (kind, key, knownAt, sequence, payload)
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
        var resolver = VersionResolver(knownAt: knownAt) { kind, _, text in
            records.append(RecordSchema.record(kind, canonical: text)!)
        }
        let sorted = entries.sorted { a, b in
            (a.kind, a.key) != (b.kind, b.key) ? (a.kind, a.key) < (b.kind, b.key) : b.supersedes(a)
        }
        for entry in sorted {
            resolver.add(kind: entry.kind, key: entry.key, knownAt: entry.knownAt.epochSeconds, sequence: entry.sequence,
                         payload: entry.record.map(RecordSchema.canonicalText))
        }
        resolver.finish()
        let withdrawn = resolver.withdrawnClients
        return records.filter { !withdrawn.contains($0.clientID.rawValue) }
    }
}
