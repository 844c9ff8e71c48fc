import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
@testable import PbRWeb
import Testing

/// Diagnostics in the web application: a run is made as `pbr diagnose` makes it and kept; the pages and
/// the API show the kept run, not a fresh one, until it is run again.
@Suite("Diagnostics kept and shown")
struct DiagnosticsPageTests {
    static let asOf = "2014-07-31"

    /// The file `pbr diagnose --contract national-pilot --as-of 2014-07-31 --json` writes on the same store.
    func commandLineFile(_ fixture: WebFixture) async throws -> String {
        try await fixture.pool.withStore { store in
            let job = try await EntitlementsJob.stored("national-pilot", in: store, asOf: Day(iso: Self.asOf)!, knownAt: nil)
            return String(decoding: DiagnosticsJSON.bytes(try await DiagnoseJob(job).diagnose(on: store).report), as: UTF8.self)
        }
    }

    func run(_ client: some TestClientProtocol, _ fixture: WebFixture, as role: String = "commissioner") async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/contracts/national-pilot/diagnostics", method: .post,
                                 headers: fixture.headers(role, path: "/api/").merging([.contentType: "application/json"]),
                                 body: ByteBuffer(string: #"{"as_of":"\#(Self.asOf)"}"#))
    }

    @Test func theKeptRunIsTheFilePbrDiagnoseWrites() async throws {
        let fixture = try await WebFixture.make()
        let expected = try await commandLineFile(fixture)
        try await fixture.application.test(.router) { client in
            let posted = try await run(client, fixture)
            #expect(posted.status == .created)
            let kept = try await fixture.pool.withStore { try await $0.latestDiagnostics("national-pilot") }
            #expect(kept?.json == expected, "the stored text is the file, byte for byte")
            #expect(kept?.lastImportID == 2 && kept?.asOf == Self.asOf && kept?.runBy == "commissioner")
            let shown = try await client.execute(uri: "/api/v1/contracts/national-pilot/diagnostics", method: .get,
                                                 headers: fixture.headers("auditor", path: "/api/"))
            #expect(shown.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(shown.text.utf8)) as! [String: Any]
            let file = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as! NSDictionary
            #expect((body["diagnostics_file"] as! NSDictionary) == file)
            #expect(body["last_import"] as? Int == 2 && body["run"] as? Int == 1 && body["contract"] as? String == "national-pilot")
            #expect(file["as_of"] as? String == Self.asOf && (file["diagnostics"] as? [Any])?.count ?? 0 >= 10)
        }
        try await fixture.close()
    }

    @Test func thePageShowsTheKeptRunAfterAnImportUntilItIsRunAgain() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let page = { try await client.execute(uri: "/diagnostics", method: .get, headers: fixture.headers("commissioner", path: "/")) }
            let before = try await page()
            #expect(before.status == .ok && before.text.contains("No diagnostics of national-pilot have been run yet"))
            #expect(before.text.contains(#"action="/diagnostics""#), "the commissioner has the form to run them")
            _ = try await run(client, fixture)
            let shown = try await page()
            #expect(shown.text.contains("Run #1, as of 2014-07-31, on the journal to import #2"))
            #expect(shown.text.contains("<svg") && shown.text.contains("starts"), "the report's charts")
            #expect(!shown.text.contains("The journal has had imports since"))

            // A new import: the page still shows run #1 and what it saw, and says the journal has moved on.
            try await fixture.pool.withStore { store in _ = try await importExtract(try Self.newClientExtract(), into: store) }
            let after = try await page()
            #expect(after.text.contains("Run #1, as of 2014-07-31, on the journal to import #2"))
            #expect(after.text.contains("it saw import #2; the last is #3"))
            let runs = try await fixture.pool.withStore { try await $0.auditEntries().filter { $0.action == "diagnostics.run" }.count }
            #expect(runs == 1, "viewing never ran them again")

            _ = try await run(client, fixture)
            let again = try await page()
            #expect(again.text.contains("Run #2, as of 2014-07-31, on the journal to import #3") && !again.text.contains("imports since"))
        }
        try await fixture.close()
    }

    @Test func theFormRunsThemWithTheSessionsToken() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let session = fixture.sessions["admin"]!
            let headers: HTTPFields = [.cookie: "pbr_session=\(session.secret)", .contentType: "application/x-www-form-urlencoded"]
            let forged = try await client.execute(uri: "/diagnostics", method: .post, headers: headers,
                                                  body: ByteBuffer(string: "csrf=wrong&contract=national-pilot&as_of=2014-07-31"))
            #expect(forged.status == .forbidden)
            let posted = try await client.execute(uri: "/diagnostics", method: .post, headers: headers,
                                                  body: ByteBuffer(string: "csrf=\(session.csrf)&contract=national-pilot&as_of=2014-07-31"))
            #expect(posted.status == .seeOther && posted.headers[.location] == "/diagnostics?contract=national-pilot")
            let kept = try await fixture.pool.withStore { try await $0.latestDiagnostics("national-pilot") }
            #expect(kept?.id == 1 && kept?.runBy == "admin")
        }
        try await fixture.close()
    }

    /// An extract of one new client, known after the fixture's imports.
    static func newClientExtract() throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        try "known_at: '2014-08-01T09:00:00+01:00'\nsource: one more client\n".write(to: folder.appendingPathComponent("extract.yaml"),
                                                                                    atomically: true, encoding: .utf8)
        try "client_id,sex,birth_year\nZ900,F,1980\n".write(to: folder.appendingPathComponent("clients.csv"), atomically: true, encoding: .utf8)
        return folder
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var fields = self
        for field in other { fields[field.name] = field.value }
        return fields
    }
}

extension DiagnosticsPageTests {
    @Test func withoutADayTheyAreRunAsOfTheDayTheLatestDataWereTrue() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let page = try await client.execute(uri: "/diagnostics", method: .get, headers: fixture.headers("admin", path: "/"))
            #expect(page.text.contains(#"name="as_of" value="2013-08-06""#), "batch 2 was known on 2013-08-06, long before the clock's today")
            let posted = try await client.execute(uri: "/api/v1/contracts/national-pilot/diagnostics", method: .post,
                                                  headers: fixture.headers("admin", path: "/api/"))
            #expect(posted.status == .created && posted.text.hasPrefix(#"{"as_of":"2013-08-06""#))
        }
        try await fixture.close()
    }
}
