import PbRCore
import SQLKit

extension JournalStore {
    /// Every client's records as a run with this cut-off sees them: for each record its latest version
    /// with `known_at` at or before `knownAt` (all, when `nil`), withdrawals and withdrawn clients left out.
    public func histories(knownAt: Moment?) async throws -> [ClientHistory] {
        let cutoff = knownAt?.epochSeconds ?? Int64.max
        let sink = VersionSink(knownAt: knownAt)
        try await database.execute(sql: SQLQueryString("""
            SELECT kind, record_key, known_at_epoch, import_id, deleted, fields FROM journal
            WHERE known_at_epoch <= \(bind: cutoff)
            ORDER BY kind, record_key, known_at_epoch, import_id
            """)) { row in sink.add(row) }
        if let error = sink.error { throw error }
        return ClientHistory.group(sink.resolver.records())
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

/// Collects rows from the driver, which calls it for one row at a time, in order.
private final class VersionSink: @unchecked Sendable {
    var resolver: VersionResolver
    var error: (any Error)?

    init(knownAt: Moment?) { resolver = VersionResolver(knownAt: knownAt) }

    func add(_ row: any SQLRow) {
        guard error == nil else { return }
        do {
            let kindText = try row.decode(column: "kind", as: String.self)
            guard let kind = RecordKind(rawValue: kindText) else { throw StoreError.corrupt("unknown record kind '\(kindText)'") }
            let deleted = try row.decode(column: "deleted", as: Int.self) != 0
            let record = deleted ? nil : try RecordCodec.decode(kind, try row.decode(column: "fields", as: String.self))
            resolver.add(JournalEntry(
                kind: kind, key: try row.decode(column: "record_key", as: String.self),
                knownAt: Moment(epochSeconds: try row.decode(column: "known_at_epoch", as: Int64.self), text: ""),
                sequence: Int64(try row.decode(column: "import_id", as: Int.self)), record: record))
        } catch {
            self.error = error
        }
    }
}
