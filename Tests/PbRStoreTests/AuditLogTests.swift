@testable import PbRStore
import PbRCore
import PbRTestSupport
import SQLKit
import Testing

/// The audit log is hash-chained: an edit or a deletion is found, and the first broken entry is named.
@Suite("The audit log's chain")
struct AuditLogTests {
    func storeWithFiveEntries() async throws -> JournalStore {
        let (store, _) = try await temporaryStore()
        for number in 1...5 {
            try await store.appendAudit(AuditRecord(actor: "test", action: "client.explain", subject: "national-pilot/A00\(number)"))
        }
        return store
    }

    @Test func anUntouchedLogVerifiesInOrder() async throws {
        let store = try await storeWithFiveEntries()
        let entries = try await store.auditEntries()
        try await store.close()
        #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(entries[0].previous == AuditEntry.genesis && entries[1].previous == entries[0].digest)
        #expect(AuditChain.firstBreak(entries) == nil)
    }

    @Test func anEditedEntryIsNamed() async throws {
        let store = try await storeWithFiveEntries()
        try await store.database.raw("UPDATE audit_log SET subject = 'national-pilot/B999' WHERE sequence = 3").run()
        let broken = AuditChain.firstBreak(try await store.auditEntries())
        try await store.close()
        #expect(broken?.sequence == 3)
        #expect(broken?.reason.contains("edited") == true)
    }

    @Test func anEditWithItsDigestRecomputedIsNamedAtTheNextEntry() async throws {
        let store = try await storeWithFiveEntries()
        var forged = try await store.auditEntries()[2]
        forged.subject = "national-pilot/B999"
        forged.digest = forged.expectedDigest
        try await store.database.raw("""
            UPDATE audit_log SET subject = \(bind: forged.subject), digest = \(bind: forged.digest) WHERE sequence = 3
            """).run()
        let broken = AuditChain.firstBreak(try await store.auditEntries())
        try await store.close()
        #expect(broken?.sequence == 4)
    }

    @Test func aDeletedEntryIsNamedByTheEntryAfterTheGap() async throws {
        let store = try await storeWithFiveEntries()
        try await store.database.raw("DELETE FROM audit_log WHERE sequence = 2").run()
        let broken = AuditChain.firstBreak(try await store.auditEntries())
        try await store.close()
        #expect(broken?.sequence == 3)
        #expect(broken?.reason.contains("missing") == true)
    }
}
