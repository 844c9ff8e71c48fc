import Foundation
import PbRCore
import PbRImport
import PbRTestSupport
import SQLKit
@testable import PbRStore
import Testing

/// A first import into a SQLite store writes its rows with a rollback journal (each page once), fully
/// synced, and leaves the store in WAL with NORMAL sync, as every session opens it; a later import, and
/// a first one while another connection has the store open, write through the WAL.
@Suite("A first import's journal")
struct FirstImportJournalTests {
    typealias Modes = (journal: String, synchronous: Int)

    func modes(_ store: JournalStore) async throws -> Modes {
        func pragma<T: Decodable>(_ name: String, _ type: T.Type) async throws -> T {
            try #require(try await store.database.raw(SQLQueryString("PRAGMA \(name)")).first()?.decode(column: name, as: type))
        }
        return (try await pragma("journal_mode", String.self), try await pragma("synchronous", Int.self))
    }

    /// The modes while an import writes its rows, and after it.
    func importObserving(_ store: JournalStore, digest: String, keys: Range<Int>) async throws -> (during: Modes, after: Modes) {
        var during: Modes?
        let header = ImportHeader(knownAt: Moment(iso: "2013-06-05T09:00:00+01:00")!, source: "test", digest: digest,
                                  origin: "test", importedBy: "test")
        _ = try await store.importing(header) { session in
            during = try await modes(store)
            try await session.write(Array(PreparedJournalInsertTests.clientRows(keys.upperBound)[keys]))
            return ImportOutcome(rowsRejected: 0, warnings: [])
        }
        return (try #require(during), try await modes(store))
    }

    /// A new store, and its file.
    func newStore() async throws -> (JournalStore, path: String) {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("store.sqlite").path
        return (try await JournalStore.open(path, .createIfMissing), path)
    }

    static let wal: Modes = ("wal", 1)

    @Test func aFirstImportWritesWithARollbackJournalAndLeavesTheStoreInWAL() async throws {
        let (store, path) = try await newStore()
        let seen = try await importObserving(store, digest: "d1", keys: 0..<50)
        #expect(seen.during == ("delete", 2))
        #expect(seen.after == Self.wal)
        #expect(try await store.check().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        try await store.close()
    }

    @Test func aLaterImportWritesThroughTheWAL() async throws {
        let store = try await temporarySQLiteStore()
        _ = try await importObserving(store, digest: "d1", keys: 0..<50)
        let seen = try await importObserving(store, digest: "d2", keys: 50..<80)
        #expect(seen.during == Self.wal && seen.after == Self.wal)
        try await store.close()
    }

    /// SQLite leaves WAL only when no other connection has the file open: with one open, the import keeps
    /// the WAL, at once (not after the busy timeout), and the other connection reads what it wrote.
    @Test func aFirstImportWhileAnotherConnectionHasTheStoreOpenKeepsTheWAL() async throws {
        let (store, path) = try await newStore()
        let other = try await JournalStore.open(path)
        let started = ContinuousClock.now
        let seen = try await importObserving(store, digest: "d1", keys: 0..<50)
        #expect(ContinuousClock.now - started < .milliseconds(JournalStore.busyTimeoutMilliseconds / 2))
        #expect(seen.during == Self.wal && seen.after == Self.wal)
        let rows = try await other.database.raw("SELECT count(*) AS n FROM journal").first()?.decode(column: "n", as: Int.self)
        #expect(rows == 50)
        try await other.close()
        try await store.close()
    }

    /// A first import that fails is rolled back, and the store is back in WAL for the next.
    @Test func aFailedFirstImportLeavesTheStoreEmptyAndInWAL() async throws {
        let store = try await temporarySQLiteStore()
        let rows = PreparedJournalInsertTests.clientRows(5)
        // The same keys again: the journal refuses them.
        _ = await PreparedJournalInsertTests.failedImport(into: store, writing: [rows, rows])
        #expect(try await modes(store) == Self.wal)
        let left = try await store.database.raw("SELECT count(*) AS n FROM journal").first()?.decode(column: "n", as: Int.self)
        #expect(left == 0)
        try await store.close()
    }
}
