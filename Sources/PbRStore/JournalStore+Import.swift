import PbRCore
import SQLKit
import SQLiteNIO

/// What an import did.
public struct ImportReceipt: Sendable, Equatable {
    public var importID: Int
    /// True when an extract with the same digest was imported before: nothing changed.
    public var alreadyImported: Bool
    public var rowsImported: Int
    public var withdrawals: Int
    public var rowsRejected: Int
}

extension JournalStore {
    /// Appends a batch as one transaction. The same extract (same digest) a second time changes nothing.
    public func append(_ batch: JournalBatch, importedBy: String) async throws -> ImportReceipt {
        try await transaction { db in
            if let existing = try await db.raw("SELECT id, rows_imported FROM imports WHERE digest = \(bind: batch.digest)").first() {
                return ImportReceipt(importID: try existing.decode(column: "id", as: Int.self), alreadyImported: true,
                                     rowsImported: 0, withdrawals: 0, rowsRejected: 0)
            }
            let row = try await db.raw("""
                INSERT INTO imports (known_at, known_at_epoch, source, digest, origin, imported_at, imported_by,
                                     rows_imported, rows_rejected)
                VALUES (\(bind: batch.knownAt.text), \(bind: batch.knownAt.epochSeconds), \(bind: batch.source),
                        \(bind: batch.digest), \(bind: batch.origin), \(bind: Self.now()), \(bind: importedBy),
                        \(bind: batch.rows.count), \(bind: batch.rowsRejected))
                RETURNING id
                """).first()
            guard let importID = try row?.decode(column: "id", as: Int.self) else {
                throw StoreError.corrupt("the import was not recorded")
            }
            for chunk in stride(from: 0, to: batch.rows.count, by: Self.rowsPerInsert) {
                let rows = batch.rows[chunk..<min(chunk + Self.rowsPerInsert, batch.rows.count)]
                try await self.insert(rows, importID: importID, knownAt: batch.knownAt)
            }
            return ImportReceipt(importID: importID, alreadyImported: false, rowsImported: batch.rows.count,
                                 withdrawals: batch.rows.count { $0.record == nil }, rowsRejected: batch.rowsRejected)
        }
    }

    /// 7 binds a row: well under SQLite's limit of 32,766 binds a statement.
    static let rowsPerInsert = 2_000

    /// Binds straight to the driver: at national scale, building each row through the generic query
    /// builder cost more than SQLite's own work.
    private func insert(_ rows: ArraySlice<JournalRow>, importID: Int, knownAt: Moment) async throws {
        let placeholders = Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: rows.count).joined(separator: ", ")
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * 7)
        for row in rows {
            binds += [.text(row.kind.rawValue), .text(row.key), .integer(Int(knownAt.epochSeconds)), .integer(importID),
                      .text(row.clientID), .integer(row.record == nil ? 1 : 0),
                      .text(row.record.map(RecordSchema.canonicalText) ?? "")]
        }
        _ = try await connection.query("""
            INSERT INTO journal (kind, record_key, known_at_epoch, import_id, client_id, deleted, fields)
            VALUES \(placeholders)
            """, binds)
    }
}
