import Foundation
import PbRTestSupport
@testable import PbRStore
import Testing

/// The import's prepared INSERT reaches SQLite's handle under SQLiteNIO's connection: if a new version of
/// the package hid it, imports would still be right but slow again, and this says so.
@Suite("The journal's prepared INSERT")
struct PreparedJournalInsertTests {
    @Test func itIsPreparedOnASQLiteStore() async throws {
        let store = try await JournalStore.open(try Fixtures.temporaryFolder().appendingPathComponent("s.sqlite").path, .createIfMissing)
        let prepared = try PreparedJournalInsert.make(on: #require(store.connection.sqlite))
        #expect(prepared != nil)
        prepared?.finish()
        try await store.close()
    }
}
