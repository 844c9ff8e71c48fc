import Foundation
import PbRCore
import PbRImport
import PbRTestSupport
import SQLKit
@testable import PbRStore
import Testing

/// The import's prepared INSERT reaches SQLite's handle under SQLiteNIO's connection (if a new version of
/// the package hid it, imports would still be right but slow again, and this says so); it stores what
/// the multi-row INSERT it stands in for stores; and a failure on it leaves the store as it was, said
/// as what it is.
@Suite("The journal's prepared INSERT")
struct PreparedJournalInsertTests {
    /// The imports table and every journal row and provider, as text to compare.
    func contents(_ store: JournalStore) async throws -> [String] {
        let imports = try await store.database.raw("SELECT id, digest, records_digest, rows_imported FROM imports ORDER BY id").all()
            .map { "import \(try $0.decode(column: "id", as: Int.self)) \(try $0.decode(column: "digest", as: String.self)) "
                + "\(try $0.decode(column: "records_digest", as: String?.self) ?? "-") \(try $0.decode(column: "rows_imported", as: Int.self))" }
        let journal = try await store.database.raw("""
            SELECT kind, record_key, known_at_epoch, import_id, client_id, deleted, fields FROM journal
            ORDER BY kind, record_key, known_at_epoch, import_id
            """).all().map { row in
                try ["kind", "record_key", "client_id", "fields"].map { try row.decode(column: $0, as: String.self) }.joined(separator: "|")
                    + "|" + (try ["known_at_epoch", "import_id", "deleted"].map { String(try row.decode(column: $0, as: Int.self)) }
                        .joined(separator: "|"))
            }
        let providers = try await store.database.raw("SELECT provider_id, first_import_id FROM providers ORDER BY provider_id").all()
            .map { "provider \(try $0.decode(column: "provider_id", as: String.self)) \(try $0.decode(column: "first_import_id", as: Int.self))" }
        return imports + journal + providers
    }

    static let header = ImportHeader(knownAt: Moment(iso: "2013-06-05T09:00:00+01:00")!, source: "test", digest: "d1",
                                     origin: "test", importedBy: "test")

    static func clientRows(_ count: Int) -> [JournalRow] {
        (0..<count).map { JournalRow(kind: .clients, key: "C\($0)", clientID: "C\($0)", fields: "C\($0)\u{1F}M\u{1F}1978", withdraws: false) }
    }

    /// The store's error from an import that writes `blocks` one after another, expected to fail.
    static func failedImport(into store: JournalStore, writing blocks: [[JournalRow]]) async -> StoreError? {
        await #expect(throws: StoreError.self) {
            try await store.importing(Self.header) { session in
                for rows in blocks { try await session.write(rows) }
                return ImportOutcome(rowsRejected: 0, warnings: [])
            }
        }
    }

    @Test func itIsPreparedOnASQLiteStore() async throws {
        let store = try await temporarySQLiteStore()
        let prepared = try PreparedJournalInsert.make(on: #require(store.connection.sqlite))
        #expect(prepared != nil)
        prepared?.finish()
        try await store.close()
    }

    @Test func theMultiRowInsertStoresTheSameRowsAndDigests() async throws {
        let (prepared, multiRow) = (try await temporarySQLiteStore(), try await temporarySQLiteStore())
        for batch in ["small/batch1", "small/batch2"] {
            let extract = ExtractImport(folder: Fixtures.url(batch), importedBy: "test")
            let a = try await extract.run(into: Importing(store: prepared, preparedInsert: true))
            let b = try await extract.run(into: Importing(store: multiRow, preparedInsert: false))
            #expect(a == b)
        }
        let stored = try await contents(prepared)
        #expect(stored.filter { $0.hasPrefix("import ") }.count == 2 && stored.count > 30)
        #expect(try await contents(multiRow) == stored)
        try await prepared.close()
        try await multiRow.close()
    }

    /// A bad row in the last file is refused after the good rows before it were written: the import's
    /// transaction takes them all back.
    @Test func anExtractRefusedAfterRowsWereWrittenLeavesTheStoreAsItWas() async throws {
        let store = try await temporarySQLiteStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let before = try await contents(store)
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("batch2")
        try FileManager.default.copyItem(at: Fixtures.url("small/batch2"), to: folder)
        let top = folder.appendingPathComponent("top.csv")
        let bad = "999,A001,10,2015-02-29,review,0,0,2,0,0,0,0,0,0,N,0,0,N,N,N,N,10,10,11,0,0,N,N\n"
        try (try String(contentsOf: top, encoding: .utf8) + bad).write(to: top, atomically: true, encoding: .utf8)
        let refusal = await #expect(throws: ExtractRefused.self) { try await importExtract(folder, into: store) }
        #expect(refusal?.issues.map(\.description) == ["top.csv, line 3, column on: '2015-02-29' is not a date (YYYY-MM-DD) that exists"])
        #expect(try await contents(store) == before)
        try await store.close()
    }

    @Test func aRowAgainstTheJournalsKeyIsAConflictAndLeavesTheStoreAsItWas() async throws {
        let store = try await temporarySQLiteStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let before = try await contents(store)
        let rows = Self.clientRows(3)
        let error = await Self.failedImport(into: store, writing: [rows, [rows[1]]])
        guard case .conflict(let why) = error else { Issue.record("not a conflict: \(String(describing: error))"); return }
        #expect(why.contains("UNIQUE constraint failed: journal."), "\(why)")
        #expect(try await contents(store) == before)
        try await store.close()
    }

    /// SQLite's own limit on the file's size stands in for a full disk.
    @Test func aFullDiskIsAFailedWriteInSQLitesWordsAndLeavesTheStoreAsItWas() async throws {
        let store = try await temporarySQLiteStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let before = try await contents(store)
        let pages = try await store.database.raw("PRAGMA page_count").first()?.decode(column: "page_count", as: Int.self) ?? 0
        try await store.database.raw("PRAGMA max_page_count = \(unsafeRaw: String(pages + 3))").run()
        let error = await Self.failedImport(into: store, writing: [Self.clientRows(20_000)])
        guard case .failed(let why) = error else { Issue.record("not a failed write: \(String(describing: error))"); return }
        #expect(why == "SQLite could not write a row of the journal: database or disk is full (code 13)")
        #expect(try await contents(store) == before)
        try await store.close()
    }

    @Test func sqlitesCodesAreTheStoresErrors() {
        #expect(SQLiteHandle.failure(1555, message: "UNIQUE constraint failed", "w")
            == .conflict("SQLite could not w: UNIQUE constraint failed (code 1555)"))
        #expect(SQLiteHandle.failure(11, message: "malformed", "w") == .corrupt("SQLite could not w: malformed (code 11)"))
        #expect(SQLiteHandle.failure(26, message: "not a database", "w") == .corrupt("SQLite could not w: not a database (code 26)"))
        #expect(SQLiteHandle.failure(13, message: "full", "w") == .failed("SQLite could not w: full (code 13)"))
        #expect(SQLiteHandle.failure(778, message: "disk I/O error", "w") == .failed("SQLite could not w: disk I/O error (code 778)"))
    }
}

/// A store that imports through the prepared INSERT or through SQLiteNIO's multi-row INSERT (as when the
/// handle cannot be reached), and checks that the way asked for is the way taken.
private struct Importing: ImportTarget {
    let store: JournalStore
    let preparedInsert: Bool

    func importID(digest: String) async throws -> Int? { try await store.importID(digest: digest) }

    func importing(_ header: ImportHeader, _ body: (any ImportSession) async throws -> ImportOutcome) async throws -> ImportReceipt {
        try await store.importing(header, preparedInsert: preparedInsert) { session in
            #expect((session as? ImportWriter)?.usesPreparedInsert == preparedInsert)
            return try await body(session)
        }
    }
}
