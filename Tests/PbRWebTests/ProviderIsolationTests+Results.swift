import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRCore
import PbRService
import PbRStore
import Testing
@testable import PbRWeb

/// A provider and the stored results: no diagnostics (they name every provider's clients), and only the
/// simulation runs it started itself.
extension ProviderIsolationTests {
    @Test func aProviderReadsNoDiagnostics() async throws {
        let fixture = try await WebFixture.make()
        let kept = try await fixture.environment.diagnostics(Viewer(name: "c", role: .commissioner, contractIDs: ["national-pilot"])) {
            try await $0.run("national-pilot", asOf: Day(iso: "2014-07-31")!)
        }
        try await fixture.application.test(.router) { client in
            let api = try await client.execute(uri: "/api/v1/contracts/national-pilot/diagnostics", method: .get,
                                               headers: fixture.headers("provider", path: "/api/"))
            #expect(api.status == .forbidden)
            #expect(api.text == #"{"code":"forbidden","message":"diagnostics are for the contract's commissioner, admins and auditors"}"#)
            let run = try await client.execute(uri: "/api/v1/contracts/national-pilot/diagnostics", method: .post,
                                               headers: fixture.headers("provider", path: "/api/").merging([.contentType: "application/json"]),
                                               body: ByteBuffer(string: #"{"as_of":"2014-07-31"}"#))
            #expect(run.status == .forbidden)
            let page = try await client.execute(uri: "/diagnostics", method: .get, headers: fixture.headers("provider", path: "/"))
            #expect(page.status == .forbidden && !page.text.contains("<svg") && !page.text.contains("A00"))
            #expect(!page.text.contains(#"href="/diagnostics""#), "no link to a page it may not use")
            let overview = try await client.execute(uri: "/", method: .get, headers: fixture.headers("provider", path: "/"))
            #expect(!overview.text.contains(#"href="/diagnostics""#) && overview.text.contains(#"href="/simulations""#))
        }
        #expect(kept.id == 1)
        let views = try await fixture.pool.withStore { try await $0.auditEntries().filter { $0.action == "diagnostics.view" } }
        #expect(views.isEmpty, "nothing was shown to the provider")
        try await fixture.close()
    }

    @Test func aProviderSeesOnlyTheSimulationRunsItStarted() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            func start(_ role: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/v1/contracts/national-pilot/simulations", method: .post,
                                         headers: fixture.headers(role, path: "/api/").merging([.contentType: "application/json"]),
                                         body: ByteBuffer(string: #"{"scenario":"small","runs":2,"seed":3}"#))
            }
            #expect(try await start("commissioner").status == .created)  // run 1
            #expect(try await start("provider").status == .created)  // run 2, P01's
            let p02 = fixture.headers("otherProvider", path: "/api/")
            let theirs = try await client.execute(uri: "/api/v1/contracts/national-pilot/simulations/2", method: .get, headers: p02)
            let none = try await client.execute(uri: "/api/v1/contracts/national-pilot/simulations/9", method: .get, headers: p02)
            #expect(theirs.status == .notFound)
            #expect(theirs.text == none.text.replacingOccurrences(of: "run 9", with: "run 2"), "a refusal tells nothing of what exists")
            let list = try await client.execute(uri: "/api/v1/contracts/national-pilot/simulations", method: .get, headers: p02)
            #expect(list.text.contains(#""total":0"#))
            let own = try await client.execute(uri: "/api/v1/contracts/national-pilot/simulations", method: .get,
                                               headers: fixture.headers("provider", path: "/api/"))
            #expect(own.text.contains(#""total":1"#) && own.text.contains(#""run":2"#) && !own.text.contains(#""run":1"#))
            let page = try await client.execute(uri: "/simulations/1", method: .get, headers: fixture.headers("provider", path: "/"))
            #expect(page.status == .notFound && !page.text.contains("<svg"))
            let all = try await client.execute(uri: "/api/v1/contracts/national-pilot/simulations", method: .get,
                                               headers: fixture.headers("commissioner", path: "/api/"))
            #expect(all.text.contains(#""total":2"#), "the commissioner sees every run of its contract")
        }
        try await fixture.close()
    }
}
