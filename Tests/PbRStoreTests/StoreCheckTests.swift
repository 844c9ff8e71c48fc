@testable import PbRStore
import Foundation
import PbRCore
import PbRTestSupport
import SQLKit
import Testing

@Suite("pbr db check")
struct StoreCheckTests {
    func importedStore() async throws -> JournalStore {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        return store
    }

    @Test func aStoreAsImportedHasNoProblems() async throws {
        let store = try await importedStore()
        let problems = try await store.check()
        try await store.close()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func aRowChangedBehindTheJournalsBackBreaksItsImportsDigest() async throws {
        let store = try await importedStore()
        try await store.database.raw("UPDATE journal SET fields = replace(fields, '2012-11-20', '2012-11-21') WHERE kind = 'events'").run()
        let problems = try await store.check()
        try await store.close()
        #expect(problems.map(\.check) == ["digest"])
        #expect(problems.first?.detail.hasPrefix("import #1:") == true)
    }

    @Test func aMissingRowAForeignImportAndAnOrphanAreFound() async throws {
        let store = try await importedStore()
        try await store.database.raw("DELETE FROM journal WHERE kind = 'clients' AND record_key = 'A004'").run()
        let problems = try await store.check()
        try await store.close()
        #expect(Set(problems.map(\.check)) == ["imports", "digest", "orphans"])
        #expect(problems.contains { $0.detail == "client A004 has records but no client row" })
    }

    /// Imports written before imports streamed keep digests of key-ordered blocks; the check still
    /// verifies them, and still finds a changed row.
    @Test func anImportWithAnOlderBlockDigestIsStillVerified() async throws {
        let store = try await importedStore()
        var legacy = LegacyRecordsDigest()
        for row in try await store.database.raw("""
            SELECT kind, record_key, known_at_epoch, import_id, client_id, deleted, fields FROM journal
            WHERE import_id = 1 ORDER BY kind, record_key
            """).all() {
            legacy.add([.text(try row.decode(column: "kind", as: String.self)), .text(try row.decode(column: "record_key", as: String.self)),
                        .integer(try row.decode(column: "known_at_epoch", as: Int.self)), .integer(1),
                        .text(try row.decode(column: "client_id", as: String.self)), .integer(try row.decode(column: "deleted", as: Int.self)),
                        .text(try row.decode(column: "fields", as: String.self))])
        }
        try await store.database.raw("UPDATE imports SET records_digest = \(bind: legacy.finalize()) WHERE id = 1").run()
        let asWritten = try await store.check()
        try await store.database.raw("UPDATE journal SET fields = replace(fields, '2012-11-20', '2012-11-21') WHERE kind = 'events'").run()
        let changed = try await store.check()
        try await store.close()
        #expect(asWritten.isEmpty, "\(asWritten)")
        #expect(changed.map(\.detail) == ["import #1: its rows no longer match the digest taken when they were written"])
    }
}
