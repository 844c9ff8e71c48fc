import SQLiteNIO
import VaporCSQLite

/// SQLite's own handle under SQLiteNIO's connection, for the two bulk paths that step a statement on it
/// directly (the import's INSERT, the run's read of the journal), as the sqlite3 shell does: through
/// SQLiteNIO, each row is a query's worth of Swift values, which at national scale costs more than
/// SQLite's own work.
///
/// SQLiteNIO does not publish its handle: it is read by reflection, and when it cannot be (another
/// version of the package), there is no handle and both paths go through SQLiteNIO as before. The
/// connection is opened with `SQLITE_OPEN_FULLMUTEX`, so calls on the handle are serialised with
/// SQLiteNIO's own.
struct SQLiteHandle: @unchecked Sendable {
    let raw: OpaquePointer

    init?(_ connection: SQLiteConnection) {
        guard let raw = Mirror(reflecting: connection).descendant("handle", "raw") as? OpaquePointer else { return nil }
        self.raw = raw
    }

    /// `sql` prepared on the handle (to be finalized by the caller).
    func prepare(_ sql: String, persistent: Bool, doing: String) throws(StoreError) -> OpaquePointer {
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(raw, sql, -1, persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw failure(code, doing) }
        return statement
    }

    /// The error for `code`, with SQLite's message for the handle's last error.
    func failure(_ code: Int32, _ doing: String) -> StoreError {
        Self.failure(code, message: sqlite_nio_sqlite3_errmsg(raw).map { String(cString: $0) } ?? "error \(code)", doing)
    }

    /// SQLite's result code as the store's error, with SQLite's message: a constraint (the journal's key)
    /// is a conflict with what the store holds, a damaged file is damage, and anything else (a full disk,
    /// an I/O error, a read-only file) a failure.
    static func failure(_ code: Int32, message: String, _ doing: String) -> StoreError {
        let what = "SQLite could not \(doing): \(message) (code \(code))"
        // The primary code is the low byte: an extended code (SQLITE_CONSTRAINT_PRIMARYKEY) names its kind.
        switch code & 0xFF {
        case SQLITE_CONSTRAINT: return .conflict(what)
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .corrupt(what)
        default: return .failed(what)
        }
    }
}
