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
}
