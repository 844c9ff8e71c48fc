import PbRCore
import PbRStore
import PbRTestSupport
import Testing

/// Users and their credentials in the store: a name is taken once whatever its case, a disabled user's
/// sessions and tokens stop signing in, an expired session too, and each change is in the audit log.
@Suite("Users and credentials in the store")
struct UserStoreTests {
    func user(_ name: String, role: Role = .auditor) -> StoredUser {
        StoredUser(name: name, role: role, passwordHash: "$2b$04$notarealhash", createdBy: "test")
    }

    @Test func aNameIsTakenOnceWhateverItsCase() async throws {
        let (store, _) = try await temporaryStore()
        try await store.add(user("Ann"), audit: AuditRecord(actor: "test", action: "user.add", subject: "Ann"))
        let second = await #expect(throws: StoreError.self) {
            try await store.add(user("ann"), audit: AuditRecord(actor: "test", action: "user.add", subject: "ann"))
        }
        let users = try await store.users(), entries = try await store.auditEntries()
        try await store.close()
        #expect(second == .conflict("a user 'Ann' exists already"))
        #expect(users.map(\.name) == ["Ann"])
        #expect(entries.map(\.action) == ["user.add"], "the refused add left no entry")
    }

    @Test func aCredentialStandsForItsUserUntilItExpiresOrTheUserIsDisabled() async throws {
        let (store, _) = try await temporaryStore()
        try await store.add(StoredUser(name: "p1", role: .provider, providerID: ProviderID("P01"), passwordHash: "x", createdBy: "test"),
                            audit: AuditRecord(actor: "test", action: "user.add", subject: "p1"))
        try await store.add(StoredCredential(secretSHA256: "s1", kind: .session, userName: "p1", csrf: "c1", expiresEpoch: 1000), audit: nil)
        try await store.add(StoredCredential(secretSHA256: "t1", kind: .token, userName: "p1", csrf: "", expiresEpoch: 0), audit: nil)
        let live = try await store.credential(secretSHA256: "s1", nowEpoch: 999)
        let expired = try await store.credential(secretSHA256: "s1", nowEpoch: 1000)
        let token = try await store.credential(secretSHA256: "t1", nowEpoch: 5_000_000_000)
        try await store.disable(user: "p1", audit: AuditRecord(actor: "test", action: "user.disable", subject: "p1"))
        let afterDisable = try await store.credential(secretSHA256: "t1", nowEpoch: 0)
        let disabled = try await store.user(named: "p1")
        try await store.close()
        #expect(live?.1.viewer == Viewer(name: "p1", role: .provider, providerID: ProviderID("P01")))
        #expect(live?.0.csrf == "c1")
        #expect(expired == nil)
        #expect(token?.0.kind == .token)
        #expect(afterDisable == nil)
        #expect(disabled?.disabled == true)
    }

    @Test func expiredSessionsAreSweptAndTokensKept() async throws {
        let (store, _) = try await temporaryStore()
        try await store.add(user("a"), audit: AuditRecord(actor: "test", action: "user.add", subject: "a"))
        try await store.add(StoredCredential(secretSHA256: "old", kind: .session, userName: "a", csrf: "", expiresEpoch: 10), audit: nil)
        try await store.add(StoredCredential(secretSHA256: "new", kind: .session, userName: "a", csrf: "", expiresEpoch: 100), audit: nil)
        try await store.add(StoredCredential(secretSHA256: "tok", kind: .token, userName: "a", csrf: "", expiresEpoch: 0), audit: nil)
        let removed = try await store.removeExpiredSessions(nowEpoch: 50)
        let kept = try await [store.credential(secretSHA256: "new", nowEpoch: 50), store.credential(secretSHA256: "tok", nowEpoch: 50)]
        try await store.close()
        #expect(removed == 1)
        #expect(kept.allSatisfy { $0 != nil })
    }
}
