import PbRCore
import SQLiteNIO
import VaporCSQLite

/// The journal's INSERT prepared once for an import and stepped once a row, straight on the SQLite
/// handle under SQLiteNIO's connection (`SQLiteHandle`), as the sqlite3 shell's `.import` does.
///
/// Why: SQLiteNIO prepares every query it is given, so a multi-row INSERT of 2,000 rows was parsed again
/// for every chunk (a sixth of SQLite's thread at national scale), bound through an array of enum values,
/// and, being many rows in one statement, kept a statement journal in a temporary file. One row a step
/// needs none of that. The import makes one call at a time, inside its transaction.
final class PreparedJournalInsert: @unchecked Sendable {
    private let handle: SQLiteHandle
    private var statement: OpaquePointer?

    private static let sql = """
        INSERT INTO journal (kind, record_key, known_at_epoch, import_id, client_id, deleted, fields)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        """

    private init(handle: SQLiteHandle, statement: OpaquePointer) { self.handle = handle; self.statement = statement }

    /// The statement prepared on the connection's handle, or `nil` if the handle cannot be reached.
    static func make(on connection: SQLiteConnection) throws -> PreparedJournalInsert? {
        guard let handle = SQLiteHandle(connection) else { return nil }
        return PreparedJournalInsert(handle: handle, statement: try handle.prepare(sql, persistent: true, doing: "prepare the journal's INSERT"))
    }

    /// Writes the rows in `order` (their places in `rows`), one step each; on an error the statement is reset and the error thrown (the
    /// import's transaction then rolls back).
    func insert(_ rows: [JournalRow], in order: [Int], importID: Int, knownAt: Moment) throws {
        guard let statement else { preconditionFailure("the journal's INSERT is used after it was finished") }
        defer { sqlite_nio_sqlite3_reset(statement) }
        for index in order {
            try bind(statement, rows[index], importID: importID, knownAt: knownAt)
            let code = sqlite_nio_sqlite3_step(statement)
            guard code == SQLITE_DONE else { throw handle.failure(code, "write a row of the journal") }
            sqlite_nio_sqlite3_reset(statement)
        }
    }

    /// Finalizes the statement: before the transaction ends, whatever its end.
    func finish() {
        sqlite_nio_sqlite3_finalize(statement)
        statement = nil
    }

    private func bind(_ statement: OpaquePointer, _ row: JournalRow, importID: Int, knownAt: Moment) throws {
        func check(_ code: Int32) throws { guard code == SQLITE_OK else { throw handle.failure(code, "bind a row of the journal") } }
        // Texts are copied by SQLite (`SQLITE_TRANSIENT`, a macro Swift does not import): a string's bytes
        // are lent only for the call.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func text(_ index: Int32, _ value: String) throws {
            var value = value
            try check(value.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    // An empty text, not NULL: a null pointer would bind NULL.
                    guard let start = chars.baseAddress else {
                        return sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, transient, UInt8(SQLITE_UTF8))
                    }
                    return sqlite_nio_sqlite3_bind_text64(statement, index, start, UInt64(chars.count), transient, UInt8(SQLITE_UTF8))
                }
            })
        }
        try text(1, row.kind.rawValue)
        try text(2, row.key)
        try check(sqlite_nio_sqlite3_bind_int64(statement, 3, knownAt.epochSeconds))
        try check(sqlite_nio_sqlite3_bind_int64(statement, 4, Int64(importID)))
        try text(5, row.clientID)
        try check(sqlite_nio_sqlite3_bind_int64(statement, 6, row.withdraws ? 1 : 0))
        try text(7, row.fields)
    }
}
