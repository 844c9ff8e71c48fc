import PbRCore
import SQLKit
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRService
@testable import PbRStore
import Testing

/// Every change and every view of client-level data is in the audit log, and `pbr audit verify`'s use
/// case names the first entry edited or deleted.
@Suite("The audit trail of the web application")
struct AuditTrailTests {
    @Test func viewsOfClientDataAndChangesAreLogged() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let api = fixture.headers("provider", path: "/api/")
            _ = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/A001/explanation?as_of=2014-07-31", method: .get, headers: api)
            _ = try await client.execute(uri: "/contracts/national-pilot/statements/2012-11/P01", method: .get,
                                         headers: fixture.headers("provider", path: "/"))
            // Refused: not a view, not logged.
            _ = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/A002/explanation", method: .get, headers: api)
        }
        let entries = try await fixture.pool.withStore { try await $0.auditEntries() }
        let verified = try await fixture.pool.withStore { try await AuditVerify().run(on: $0) }
        try await fixture.close()
        let provider = entries.filter { $0.actor == "provider" }.map { "\($0.action) \($0.subject)" }
        #expect(provider == ["session.start provider", "client.explain national-pilot/A001", "statement.view national-pilot/2012-11/P01"])
        #expect(entries.filter { $0.action == "user.add" }.count == 7)
        #expect(entries.filter { $0.action == "token.issue" }.count == 7)
        #expect(verified.firstBreak == nil && verified.entries == entries.count)
    }

    @Test func verifyNamesTheFirstEditedOrDeletedEntry() async throws {
        let fixture = try await WebFixture.make()
        let edited = try await fixture.pool.withStore { store in
            try await store.database.raw("UPDATE audit_log SET actor = 'someone else' WHERE sequence = 9").run()
            return try await AuditVerify().run(on: store)
        }
        let deleted = try await fixture.pool.withStore { store in
            try await store.database.raw("DELETE FROM audit_log WHERE sequence = 5").run()
            return try await AuditVerify().run(on: store)
        }
        try await fixture.close()
        #expect(edited.firstBreak?.sequence == 9)
        #expect(deleted.firstBreak?.description == "entry 6: entry 5 before it is missing (deleted)")
    }
}
