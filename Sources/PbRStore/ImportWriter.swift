import PbRCore
import SQLKit
import SQLiteNIO

/// One import in progress, inside the transaction `JournalStore.importing` opened: it writes the rows
/// under the import's id, keeps their count and digest, and answers the importer's questions.
///
/// `@unchecked Sendable`: one import task uses it. A `write` may run beside the lookups (the importer
/// checks the next block meanwhile), but never beside another `write`, and only `write` changes `tally`.
/// On SQLite the two share one connection, opened serialised (`SQLITE_OPEN_FULLMUTEX`).
final class ImportWriter: ImportSession, @unchecked Sendable {
    struct Tally {
        var rows = 0
        var withdrawals = 0
        var digest = RecordsDigest()
    }

    private let store: JournalStore
    private let importID: Int
    private let knownAt: Moment
    /// On SQLite, the journal's INSERT prepared once for the import.
    private let prepared: PreparedJournalInsert?
    private(set) var tally = Tally()

    init(store: JournalStore, importID: Int, knownAt: Moment, prepared: PreparedJournalInsert?) {
        self.store = store; self.importID = importID; self.knownAt = knownAt; self.prepared = prepared
    }

    private var database: any SQLDatabase { store.database }

    /// Whether rows go through the INSERT prepared once (else through the driver, a statement a chunk).
    var usesPreparedInsert: Bool { prepared != nil }

    func write(_ rows: [JournalRow]) async throws {
        guard !rows.isEmpty else { return }
        // In key order within the block, so that SQLite mostly appends to its tree instead of splitting
        // pages all over it. The rows' places are sorted, not the rows, which are large and would be
        // moved (their strings retained and released) at every step of the sort. Any order stores the
        // same rows: this one only has to be close to the journal's (`String`'s order is its bytes' for
        // the ASCII keys extracts have).
        let order = rows.indices.sorted { a, b in
            rows[a].kind != rows[b].kind ? rows[a].kind.rawValue < rows[b].kind.rawValue : rows[a].key < rows[b].key
        }
        if let prepared {
            // On the thread pool SQLiteNIO runs its queries on, as they would have been.
            let (importID, knownAt) = (importID, knownAt)
            try await NIOThreadPool.singleton.runIfActive { try prepared.insert(rows, in: order, importID: importID, knownAt: knownAt) }
        } else {
            let ordered = order.map { rows[$0] }
            for start in stride(from: 0, to: ordered.count, by: JournalStore.rowsPerInsert) {
                let chunk = Array(ordered[start..<min(start + JournalStore.rowsPerInsert, ordered.count)])
                try await store.insert(JournalStore.binds(chunk, importID: importID, knownAt: knownAt))
            }
        }
        for row in rows {
            tally.digest.add(row.digest)
            if row.withdraws { tally.withdrawals += 1 }
        }
        tally.rows += rows.count
    }

    func knownClients(among ids: Set<String>) async throws -> Set<String> {
        try await keys({ "SELECT DISTINCT record_key FROM journal WHERE kind = 'clients' AND record_key IN (\(binds: $0))" }, among: ids)
    }

    func writtenKeys(_ kind: RecordKind, among keys: Set<String>) async throws -> Set<String> {
        try await self.keys({ """
            SELECT record_key FROM journal
            WHERE kind = \(bind: kind.rawValue) AND import_id = \(bind: self.importID) AND record_key IN (\(binds: $0))
            """ }, among: keys)
    }

    func storedKeys(_ kind: RecordKind, among keys: Set<String>) async throws -> Set<String> {
        try await self.keys({ """
            SELECT DISTINCT record_key FROM journal
            WHERE kind = \(bind: kind.rawValue) AND import_id <> \(bind: self.importID) AND record_key IN (\(binds: $0))
            """ }, among: keys)
    }

    func providers() async throws -> [String] {
        try await database.raw("SELECT provider_id FROM providers").all().map { try $0.decode(column: "provider_id", as: String.self) }
    }

    func addProviders(_ ids: [String]) async throws {
        for start in stride(from: 0, to: ids.count, by: 500) {
            let rows = ids[start..<min(start + 500, ids.count)].map { SQLQueryString("(\(bind: $0), \(bind: importID))") }
            try await database.raw("INSERT INTO providers (provider_id, first_import_id) VALUES \(rows.joined(separator: ", "))").run()
        }
    }

    func latestImport() async throws -> (importID: Int, knownAt: Moment)? {
        guard let row = try await database.raw("""
            SELECT id, known_at, known_at_epoch FROM imports WHERE id <> \(bind: importID)
            ORDER BY known_at_epoch DESC, id DESC LIMIT 1
            """).first() else { return nil }
        let knownAt = Moment(epochSeconds: try row.decode(column: "known_at_epoch", as: Int64.self),
                             text: try row.decode(column: "known_at", as: String.self))
        return (try row.decode(column: "id", as: Int.self), knownAt)
    }

    func episodeClients(among ids: Set<String>) async throws -> [String: String] {
        var owners: [String: String] = [:], ownersHere: [String: String] = [:]
        for chunk in Self.chunks(of: ids) {
            // The latest version names the episode's client (a withdrawal may leave it empty); this
            // import's own version comes first, whatever its known_at.
            let rows = try await database.raw("""
                SELECT record_key, client_id, import_id FROM journal
                WHERE kind = 'episodes' AND deleted = 0 AND record_key IN (\(binds: chunk))
                ORDER BY record_key, known_at_epoch, import_id
                """).all()
            for row in rows {
                let key = try row.decode(column: "record_key", as: String.self)
                let client = try row.decode(column: "client_id", as: String.self)
                owners[key] = client
                if try row.decode(column: "import_id", as: Int.self) == importID { ownersHere[key] = client }
            }
        }
        return owners.merging(ownersHere) { $1 }
    }

    private func keys(_ query: ([String]) -> SQLQueryString, among keys: Set<String>) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in Self.chunks(of: keys) {
            for row in try await database.raw(query(chunk)).all() { found.insert(try row.decode(column: "record_key", as: String.self)) }
        }
        return found
    }

    /// Keys in sorted groups of 500, one query each.
    static func chunks(of keys: Set<String>) -> [[String]] {
        let sorted = keys.sorted()
        return stride(from: 0, to: sorted.count, by: 500).map { Array(sorted[$0..<min($0 + 500, sorted.count)]) }
    }
}
