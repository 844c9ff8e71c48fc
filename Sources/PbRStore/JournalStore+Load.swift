import PbRCore
import SQLKit
import SQLiteNIO

extension JournalStore {
    /// Every client's records (in no particular order) as a run with this cut-off sees them: for each record its latest version
    /// with `known_at` at or before `knownAt` (all, when `nil`), withdrawals and withdrawn clients left out.
    ///
    /// Reads the journal in key order through the driver directly: at national scale (millions of
    /// versions) the generic row decoding would be most of a run's time.
    public func histories(knownAt: Moment?) async throws -> [ClientHistory] {
        let sink = HistorySink(knownAt: knownAt)
        try await connection.query("""
            SELECT kind, record_key, known_at_epoch, import_id, deleted, fields FROM journal
            WHERE known_at_epoch <= ?
            ORDER BY kind, record_key, known_at_epoch, import_id
            """, [.integer(Int(knownAt?.epochSeconds ?? Int64.max))]) { row in sink.add(row) }
        return try sink.finish()
    }

    /// The imports on record, oldest first.
    public func imports() async throws -> [ImportSummary] {
        try await database.raw("""
            SELECT id, known_at, source, digest, origin, imported_at, imported_by, rows_imported, rows_rejected
            FROM imports ORDER BY id
            """).all(decoding: ImportSummary.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

/// One import as the audit trail keeps it.
public struct ImportSummary: Decodable, Sendable {
    public var id: Int
    public var knownAt: String
    public var source: String
    public var digest: String
    public var origin: String
    public var importedAt: String
    public var importedBy: String
    public var rowsImported: Int
    public var rowsRejected: Int
}

/// Resolves versions and groups records by client as the driver hands over rows, one at a time, in order.
private final class HistorySink: @unchecked Sendable {
    private var resolver: VersionResolver! = nil
    private var histories: [ClientHistory] = []
    private var index: [ClientID: Int] = [:]
    private var error: (any Error)?

    init(knownAt: Moment?) {
        resolver = VersionResolver(knownAt: knownAt) { [unowned self] kind, key, fields in
            guard let record = RecordSchema.record(kind, canonical: fields) else {
                self.error = self.error ?? StoreError.corrupt("stored \(kind.rawValue) record '\(key)' does not read back")
                return
            }
            self.file(record)
        }
    }

    func add(_ row: SQLiteRow) {
        guard error == nil else { return }
        guard case .text(let kindText)? = row.column("kind"), let kind = RecordKind(rawValue: kindText),
              case .text(let key)? = row.column("record_key"), case .integer(let knownAt)? = row.column("known_at_epoch"),
              case .integer(let sequence)? = row.column("import_id"), case .integer(let deleted)? = row.column("deleted"),
              case .text(let fields)? = row.column("fields") else {
            error = StoreError.corrupt("a journal row does not have the expected columns: \(row)")
            return
        }
        resolver.add(kind: kind, key: key, knownAt: Int64(knownAt), sequence: Int64(sequence),
                     payload: deleted == 0 ? fields : nil)
    }

    private func file(_ record: Record) {
        let id = record.clientID
        if let at = index[id] {
            histories[at].add(record)
        } else {
            index[id] = histories.count
            var history = ClientHistory(clientID: id)
            history.add(record)
            histories.append(history)
        }
    }

    func finish() throws -> [ClientHistory] {
        resolver.finish()
        if let error { throw error }
        let withdrawn = resolver.withdrawnClients
        if !withdrawn.isEmpty { histories.removeAll { withdrawn.contains($0.clientID.rawValue) } }
        return histories
    }
}
