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

    /// Digests frozen from a store written when PbR wrote SHA-256 out by hand, and recomputed with
    /// Python's hashlib: stores already hold them, so they must come out the same, or `pbr db check`
    /// fails every existing store and an extract imported again is no longer recognised.
    @Test func theDigestsAStoreAlreadyHoldsStillVerify() async throws {
        let store = try await importedStore()
        let extracts = try await store.imports().map(\.digest)
        let records = try await store.database.raw("SELECT records_digest FROM imports ORDER BY id").all()
            .map { try $0.decode(column: "records_digest", as: String.self) }
        let problems = try await store.check()
        try await store.close()
        #expect(extracts == ["d95e3e33861d3e91f33c01bfb843bbae7a8ecd6e55b1a06e33f2dd47c4801233",
                             "0315565aec7f74e1c2e20d1765648933b3b8d3c2a36591b507a605c91d43ed42"])
        #expect(records == ["sum256:035f6aaac638efa5bf912cbc8d6fde6e44573bd6e50039a6fc97537cb1b7c84c",
                            "sum256:76fa9f23fedeea507c8ed026b8ac14bd807ce3bfc2f0c769b871bb39368810c8"])
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Imports written before imports streamed keep digests of key-ordered blocks; the check still
    /// verifies them, and still finds a changed row. The block digest of import #1 is frozen (computed
    /// with Python's hashlib from its rows), so that a check agreeing with itself cannot pass.
    @Test func anImportWithAnOlderBlockDigestIsStillVerified() async throws {
        let store = try await importedStore()
        try await store.database.raw("""
            UPDATE imports SET records_digest = '013fe7f802623cea64dd8383b5e484c860680c8ad499a85996148c2fcc1f316f' WHERE id = 1
            """).run()
        let asWritten = try await store.check()
        try await store.database.raw("UPDATE journal SET fields = replace(fields, '2012-11-20', '2012-11-21') WHERE kind = 'events'").run()
        let changed = try await store.check()
        try await store.close()
        #expect(asWritten.isEmpty, "\(asWritten)")
        #expect(changed.map(\.detail) == ["import #1: its rows no longer match the digest taken when they were written"])
    }
}
