import PbRCore
import NIOCore
import PostgresNIO
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
            guard importID < VersionCode.importLimit else {
                throw StoreError.unsupported("this store holds \(VersionCode.importLimit - 1) imports, its most")
            }
            // In the journal's key order, so that SQLite appends to its tree instead of splitting pages
            // all over it (measured at national scale: the store step went from 11.3 s to 9.9 s).
            // The next chunk's values are encoded on another core while SQLite writes this one.
            let order = Self.keyOrder(batch.rows)
            let chunks = stride(from: 0, to: order.count, by: Self.rowsPerInsert).map { $0..<min($0 + Self.rowsPerInsert, order.count) }
            // Each chunk's values and their digest are made together, on another core.
            func binds(_ chunk: Int) -> (values: [JournalValue], digest: String) {
                let values = Self.binds(order[chunks[chunk]].map { batch.rows[$0] }, importID: importID, knownAt: batch.knownAt)
                return (values, RecordsDigest.digest(of: values))
            }
            var current: (values: [JournalValue], digest: String) = chunks.isEmpty ? ([], "") : binds(0)
            var digest = RecordsDigest()
            for chunk in chunks.indices {
                async let next = chunk + 1 < chunks.count ? binds(chunk + 1) : ([], "")
                digest.add(blockDigest: current.digest)
                try await self.insert(current.values)
                current = await next
            }
            try await db.raw("UPDATE imports SET records_digest = \(bind: digest.finalize()) WHERE id = \(bind: importID)").run()
            return ImportReceipt(importID: importID, alreadyImported: false, rowsImported: batch.rows.count,
                                 withdrawals: batch.rows.count { $0.record == nil }, rowsRejected: batch.rowsRejected)
        }
    }

    /// Row positions sorted by (kind, key) in SQLite's byte order, each kind sorted on its own core.
    static func keyOrder(_ rows: [JournalRow]) -> [Int] {
        let byKind = Dictionary(grouping: rows.indices) { rows[$0].kind }
        let kinds = RecordKind.allCases.filter { byKind[$0] != nil }.sorted { $0.rawValue < $1.rawValue }
        return concurrentMap(kinds.count) { index in
            byKind[kinds[index]]!.sorted { rows[$0].key.utf8.lexicographicallyPrecedes(rows[$1].key.utf8) }
        }.flatMap { $0 }
    }

    /// 7 binds a row: well under SQLite's limit of 32,766 binds a statement.
    static let rowsPerInsert = 2_000

    /// The values of rows for `insert`: seven a row.
    static func binds(_ rows: [JournalRow], importID: Int, knownAt: Moment) -> [JournalValue] {
        var binds: [JournalValue] = []
        binds.reserveCapacity(rows.count * 7)
        for row in rows {
            binds += [.text(row.kind.rawValue), .text(row.key), .integer(Int(knownAt.epochSeconds)), .integer(importID),
                      .text(row.clientID), .integer(row.record == nil ? 1 : 0),
                      .text(row.record.map(RecordSchema.canonicalText) ?? "")]
        }
        return binds
    }

    /// On SQLite, binds straight to the driver: at national scale, building each row through the generic
    /// query builder cost more than SQLite's own work. On PostgreSQL, through SQLKit.
    private func insert(_ binds: [JournalValue]) async throws {
        let insert = "INSERT INTO journal (kind, record_key, known_at_epoch, import_id, client_id, deleted, fields) VALUES "
        switch connection {
        case .sqlite(let sqlite):
            let placeholders = Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: binds.count / 7).joined(separator: ", ")
            _ = try await sqlite.query(insert + placeholders, binds.map(\.sqlite))
        case .postgres(let postgres):
            // COPY, PostgreSQL's bulk path, in its text format: tab between values, one row a line.
            var buffer = ByteBuffer()
            for (index, value) in binds.enumerated() {
                switch value {
                case .text(let text): Self.appendCopyText(text, to: &buffer)
                case .integer(let number): buffer.writeString(String(number))
                }
                buffer.writeInteger(UInt8(ascii: index % 7 == 6 ? "\n" : "\t"))
            }
            try await postgres.copyFrom(
                table: "journal", columns: ["kind", "record_key", "known_at_epoch", "import_id", "client_id", "deleted", "fields"],
                logger: postgres.logger
            ) { writer in try await writer.write(buffer) }
        }
    }

    /// A value in COPY's text format: backslash, tab, line feed and carriage return escaped.
    private static func appendCopyText(_ text: String, to buffer: inout ByteBuffer) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}

/// A value of a journal row, bound to either driver.
enum JournalValue: Sendable {
    case text(String)
    case integer(Int)

    var sqlite: SQLiteData {
        switch self {
        case .text(let text): .text(text)
        case .integer(let number): .integer(number)
        }
    }

    var encodable: any Encodable & Sendable {
        switch self {
        case .text(let text): text
        case .integer(let number): number
        }
    }
}
