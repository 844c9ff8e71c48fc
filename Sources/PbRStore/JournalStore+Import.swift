import Foundation
import PbRCore
import NIOCore
import PostgresNIO
import SQLKit
import SQLiteNIO

extension JournalStore: ImportTarget {
    public func importID(digest: String) async throws -> Int? {
        try await database.raw("SELECT id FROM imports WHERE digest = \(bind: digest)").first()?.decode(column: "id", as: Int.self)
    }

    /// Records the import, then lets `body` stream its rows in, all in one transaction: a crash or an
    /// error at any point leaves the store as it was. The same extract (same digest) a second time,
    /// even one that waited for the lock behind the first, changes nothing.
    public func importing(_ header: ImportHeader,
                          _ body: (any ImportSession) async throws -> ImportOutcome) async throws -> ImportReceipt {
        try await importing(header, preparedInsert: true, body)
    }

    /// `importing(_:_:)`, saying how rows reach SQLite: through the INSERT prepared once, or, with
    /// `preparedInsert` false, through SQLiteNIO's multi-row INSERT, the way taken when the handle
    /// cannot be reached (for the tests that hold the two ways alike).
    func importing(_ header: ImportHeader, preparedInsert: Bool,
                   _ body: (any ImportSession) async throws -> ImportOutcome) async throws -> ImportReceipt {
        try await writingFirstImport { try await transaction { db in
            if let importID = try await self.importID(digest: header.digest) {
                return ImportReceipt(importID: importID, alreadyImported: true, rowsImported: 0, withdrawals: 0, rowsRejected: 0)
            }
            let row = try await db.raw("""
                INSERT INTO imports (known_at, known_at_epoch, source, digest, origin, imported_at, imported_by,
                                     rows_imported, rows_rejected)
                VALUES (\(bind: header.knownAt.text), \(bind: header.knownAt.epochSeconds), \(bind: header.source),
                        \(bind: header.digest), \(bind: header.origin), \(bind: Self.now()), \(bind: header.importedBy), 0, 0)
                RETURNING id
                """).first()
            guard let importID = try row?.decode(column: "id", as: Int.self) else {
                throw StoreError.corrupt("the import was not recorded")
            }
            guard importID < VersionCode.importLimit else {
                throw StoreError.unsupported("this store holds \(VersionCode.importLimit - 1) imports, its most")
            }
            let indexAfter = try await self.dropsClientIndexForFirstImport(db)
            let prepared = preparedInsert ? try self.connection.sqlite.flatMap { try PreparedJournalInsert.make(on: $0) } : nil
            defer { prepared?.finish() }
            let session = ImportWriter(store: self, importID: importID, knownAt: header.knownAt, prepared: prepared)
            let outcome = try await body(session)
            if indexAfter {
                prepared?.finish()  // no statement of the import left open across the schema change
                try await makesClientIndexAgain(db)
            }
            let written = session.tally
            try await db.raw("""
                UPDATE imports SET rows_imported = \(bind: written.rows), rows_rejected = \(bind: outcome.rowsRejected),
                                   records_digest = \(bind: written.digest.text), warnings = \(bind: Self.lines(outcome.warnings))
                WHERE id = \(bind: importID)
                """).run()
            return ImportReceipt(importID: importID, alreadyImported: false, rowsImported: written.rows,
                                 withdrawals: written.withdrawals, rowsRejected: outcome.rowsRejected, warnings: outcome.warnings)
        } }
    }

    /// Warnings as `imports.warnings` keeps them: one a line (a line break inside one, from a column's
    /// name, is written as `\n`).
    static func lines(_ warnings: [String]) -> String {
        warnings.map { $0.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n") }
            .joined(separator: "\n")
    }

    /// 7 binds a row: well under SQLite's limit of 32,766 binds a statement.
    static let rowsPerInsert = 2_000

    /// The values of rows for `insert`: seven a row.
    static func binds(_ rows: [JournalRow], importID: Int, knownAt: Moment) -> [JournalValue] {
        var binds: [JournalValue] = []
        binds.reserveCapacity(rows.count * 7)
        for row in rows {
            binds += [.text(row.kind.rawValue), .text(row.key), .integer(Int(knownAt.epochSeconds)), .integer(importID),
                      .text(row.clientID), .integer(row.withdraws ? 1 : 0), .text(row.fields)]
        }
        return binds
    }

    /// On SQLite, binds straight to the driver: at national scale, building each row through the generic
    /// query builder cost more than SQLite's own work. On PostgreSQL, through SQLKit.
    func insert(_ binds: [JournalValue]) async throws {
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
}
