import SQLiteNIO
import VaporCSQLite

extension SQLiteHandle {
    /// Steps `sql`, with `value` bound to its one parameter, and lends each row's two columns to `row`: an
    /// integer, and a text as its bytes, valid only during the call. No Swift value is made for a row
    /// unless `row` makes one. Blocks the calling thread until the last row.
    func eachRow(_ sql: String, binding value: Int64, doing: String,
                 _ row: (Int64, UnsafeBufferPointer<UInt8>) -> Void) throws(StoreError) {
        let statement = try prepare(sql, persistent: false, doing: doing)
        defer { sqlite_nio_sqlite3_finalize(statement) }
        let bound = sqlite_nio_sqlite3_bind_int64(statement, 1, value)
        guard bound == SQLITE_OK else { throw failure(bound, doing) }
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code, doing) }
            guard sqlite_nio_sqlite3_column_type(statement, 0) == SQLITE_INTEGER,
                  sqlite_nio_sqlite3_column_type(statement, 1) == SQLITE_TEXT else {
                throw .corrupt("SQLite could not \(doing): a row is not an integer and a text")
            }
            let number = sqlite_nio_sqlite3_column_int64(statement, 0)
            // The text first, then its length in bytes, as SQLite's documentation asks.
            let text = sqlite_nio_sqlite3_column_text(statement, 1)
            row(number, UnsafeBufferPointer(start: text, count: Int(sqlite_nio_sqlite3_column_bytes(statement, 1))))
        }
    }
}
