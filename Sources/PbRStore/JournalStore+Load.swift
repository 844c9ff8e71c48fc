import Foundation
import PbRCore
import SQLKit
import PostgresNIO
import SQLiteNIO
import Synchronization

extension JournalStore {
    /// Every client's records (in no particular order) as a run with this cut-off sees them: for each record its latest version
    /// with `known_at` at or before `knownAt` (all, when `nil`), withdrawals and withdrawn clients left out.
    ///
    /// Reads the journal in key order, on SQLite straight from its handle (`SQLiteHandle.eachRow`), on
    /// PostgreSQL through the driver's own decoding: at national scale (millions of versions) generic row
    /// decoding would be most of a run's time.
    /// - Parameters:
    ///   - throughImport: see only what this import and those before it wrote (nil for every import), so
    ///     that a statement pinned to an import sees the same data however many imports came later.
    ///   - progress: told how many more journal rows have been read, every 100,000.
    ///   - client: only this client's records (`pbr explain`).
    public func histories(knownAt: Moment?, throughImport: Int? = nil, client: ClientID? = nil,
                          progress: (@Sendable (_ rows: Int) -> Void)? = nil) async throws -> [ClientHistory] {
        try await histories(knownAt: knownAt, throughImport: throughImport, client: client, progress: progress, onHandle: true)
    }

    /// `histories`, saying how SQLite's rows are read: stepped on SQLite's handle, or, with `onHandle`
    /// false, through SQLiteNIO, the way taken when the handle cannot be reached (for the tests that hold
    /// the two ways alike).
    func histories(knownAt: Moment?, throughImport: Int?, client: ClientID?,
                   progress: (@Sendable (_ rows: Int) -> Void)?, onHandle: Bool) async throws -> [ClientHistory] {
        let cutoff = knownAt?.epochSeconds ?? Int64.max
        // Pinned to the last import now, so that the withdrawals read first and the rows read after them
        // see the same imports even if one lands in between.
        let lastImport: Int64
        if let throughImport { lastImport = Int64(throughImport) } else { lastImport = Int64(try await latestImportID()) }
        let selection = "import_id <= \(lastImport)\(client.map { " AND client_id = '\(Self.quoted($0.rawValue))'" } ?? "") AND known_at_epoch <= "
        let table = client == nil ? "journal" : journalByClient
        let withdrawals = try await clientWithdrawals(where: selection + "\(cutoff)", from: table)
        let sink = HistorySink(HistoryReader(withdrawals: withdrawals, progress: progress))
        // One query a kind, in the order of `ORDER BY kind` (so the kind is a constant of each query, not a
        // CASE over its name on every row). Two columns a row (the driver builds a value per column,
        // millions of times): the version, kind and withdrawal flag packed into one number
        // (`VersionCode`), and the canonical fields, or for a withdrawal just its key.
        for kind in Self.readOrder {
            let query = """
                SELECT ((known_at_epoch * \(VersionCode.importLimit) + import_id) * 16
                        + \(RecordKind.allCases.firstIndex(of: kind)! * 2) + deleted) AS code,
                       CASE deleted WHEN 0 THEN fields ELSE record_key END AS body
                FROM \(table) WHERE kind = '\(kind.rawValue)' AND \(selection)
                """
            let order = " ORDER BY record_key, known_at_epoch, import_id"
            switch connection {
            case .sqlite(let sqlite):
                if onHandle, let handle = SQLiteHandle(sqlite) {
                    // Off Swift's concurrency threads, which must not block; the reader's lock taken once a kind.
                    try await NIOThreadPool.singleton.runIfActive {
                        try sink.reader.withLock { reader throws(StoreError) in
                            try handle.eachRow(query + "?" + order, binding: cutoff, doing: "read the journal") { reader.add(packed: $0, body: $1) }
                        }
                    }
                } else {
                    try await sqlite.query(query + "?" + order, [.integer(Int(cutoff))]) { row in
                        guard case .integer(let code)? = row.column("code"), case .text(let body)? = row.column("body") else {
                            return sink.reader.withLock { $0.fail("a journal row does not have the expected columns: \(row)") }
                        }
                        sink.reader.withLock { $0.add(packed: Int64(code), body: body) }
                    }
                }
            case .postgres(let postgres):
                // PostgreSQL's own decoding: SQLKit's row decoding would be most of a run's time here too.
                var binds = PostgresBindings()
                binds.append(cutoff)
                let rows = try await postgres.query(PostgresQuery(unsafeSQL: query + "$1" + order, binds: binds),
                                                    logger: postgres.logger)
                for try await (code, body) in rows.decode((Int64, String).self) { sink.reader.withLock { $0.add(packed: code, body: body) } }
            }
        }
        return try sink.reader.withLock { try $0.finish() }
    }

    /// Each withdrawn client's latest withdrawal among the rows `filter` selects: what `VersionResolver`
    /// learns from the clients' rows, known before the rows of other kinds that it hides are read.
    private func clientWithdrawals(where filter: String, from table: String) async throws -> [String: VersionResolver.Version] {
        let rows = try await database.raw(SQLQueryString("""
            SELECT record_key, known_at_epoch, import_id FROM \(unsafeRaw: table) WHERE kind = 'clients' AND deleted = 1 AND \(unsafeRaw: filter)
            """)).all()
        var latest: [String: VersionResolver.Version] = [:]
        for row in rows {
            let key = try row.decode(column: "record_key", as: String.self)
            let version = (try row.decode(column: "known_at_epoch", as: Int64.self), try row.decode(column: "import_id", as: Int64.self))
            if latest[key].map({ $0 < version }) ?? true { latest[key] = version }
        }
        return latest
    }

    /// The id of the last import (0 when there is none).
    private func latestImportID() async throws -> Int {
        try await database.raw("SELECT COALESCE(MAX(id), 0) AS id FROM imports").first()?.decode(column: "id", as: Int.self) ?? 0
    }

    /// Where the rows of `histories` go as the driver hands them over: the driver calls back from its own
    /// thread, one row at a time, so the reader is behind a lock that is never contended.
    private final class HistorySink: Sendable {
        let reader: Mutex<HistoryReader>
        init(_ reader: consuming sending HistoryReader) { self.reader = Mutex(reader) }
    }

    /// The journal, read through its index by client (migration 9). SQLite is told to use it: without
    /// statistics its planner prefers the primary key's `kind = ?` and would read every row of the kind
    /// (found with EXPLAIN QUERY PLAN); PostgreSQL's planner picks the index by itself.
    var journalByClient: String { connection.isSQLite ? "journal INDEXED BY journal_by_client" : "journal" }

    /// Text inside single quotes in SQL: each quote doubled.
    static func quoted(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }

    /// The kinds in the order `ORDER BY kind` reads them (their names, byte by byte).
    static let readOrder = RecordKind.allCases.sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }

    /// The imports on record, oldest first.
    public func imports() async throws -> [ImportSummary] {
        try await database.raw("""
            SELECT id, known_at, source, digest, origin, imported_at, imported_by, rows_imported, rows_rejected,
                   warnings AS warning_lines
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
    /// The import's warnings, one a line (empty when none, and for imports from before warnings were kept).
    private var warningLines: String

    /// The warnings the import raised, in the order it raised them.
    public var warnings: [String] { warningLines.split(separator: "\n").map(String.init) }
}

/// A journal row's version, kind and withdrawal flag in one integer, so that the driver builds one value
/// for them: ((known_at_epoch × 2^20 + import_id) × 16 + kind × 2 + deleted). Order-preserving for any
/// `known_at` (negative too) while import ids stay under 2^20, which `append` enforces.
struct VersionCode {
    static let importLimit: Int64 = 1 << 20
    let kind: RecordKind
    let withdrawn: Bool
    let version: VersionResolver.Version

    init?(_ packed: Int64) {
        let low = Int(packed & 15)
        guard RecordKind.allCases.indices.contains(low / 2) else { return nil }
        kind = RecordKind.allCases[low / 2]
        withdrawn = low % 2 == 1
        let rest = packed >> 4
        version = (knownAt: rest >> 20, sequence: rest & (Self.importLimit - 1))
    }
}
