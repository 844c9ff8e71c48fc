import PbRCore
import SQLKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import PbRStore
@testable import PbRWeb
import PbRService
import PbRTestSupport
import Testing

/// A provider reaching for another provider's statement, client and explanation is refused exactly as
/// if they did not exist, and nothing of them shows through lists, sums or messages.
@Suite("A provider sees only its own")
struct ProviderIsolationTests {
    @Test func anotherProvidersStatementIsNotFound() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let p02 = fixture.headers("otherProvider", path: "/api/")
            let theirs = try await client.execute(uri: "/api/v1/contracts/national-pilot/statements/2012-11/P01", method: .get, headers: p02)
            let none = try await client.execute(uri: "/api/v1/contracts/national-pilot/statements/2012-11/P09", method: .get, headers: p02)
            #expect(theirs.status == .notFound)
            #expect(theirs.text == #"{"code":"not_found","message":"no statement of national-pilot for P01 in 2012-11"}"#)
            #expect(none.text == theirs.text.replacingOccurrences(of: "P01", with: "P09"), "a refusal tells nothing of what exists")
            let page = try await client.execute(uri: "/contracts/national-pilot/statements/2012-11/P01", method: .get,
                                                headers: fixture.headers("otherProvider", path: "/"))
            #expect(page.status == .notFound)
            #expect(!page.text.contains("A001") && !page.text.contains("100.00"))
            let own = try await client.execute(uri: "/api/v1/contracts/national-pilot/statements/2012-12/P02", method: .get, headers: p02)
            #expect(own.status == .ok && own.text.contains(#""client":"A002""#))
        }
        try await fixture.close()
    }

    @Test func anotherProvidersClientIsNotFound() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let p02 = fixture.headers("otherProvider", path: "/api/")
            let theirs = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/A001/explanation?as_of=2014-07-31",
                                                  method: .get, headers: p02)
            let none = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/Z999/explanation?as_of=2014-07-31",
                                                method: .get, headers: p02)
            #expect(theirs.status == .notFound)
            #expect(theirs.text == #"{"code":"not_found","message":"no client 'A001' under national-pilot"}"#)
            #expect(none.text == theirs.text.replacingOccurrences(of: "A001", with: "Z999"))
            // A004 moved from P02 to P03: P02 sees the client it treated, but not the line paid to P03.
            let shared = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/A004/explanation?as_of=2014-07-31",
                                                  method: .get, headers: p02)
            #expect(shared.status == .ok)
            #expect(!shared.text.contains(#""payee":"P03""#) && !shared.text.contains(#""paid_to":"P03""#))
            let p03 = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/A004/explanation?as_of=2014-07-31",
                                               method: .get, headers: fixture.headers("admin", path: "/api/"))
            #expect(p03.text.contains(#""payee":"P03""#), "the line is there for those who may see it")
            // The explanation page refuses and hides the same way.
            let page = fixture.headers("otherProvider", path: "/")
            let theirPage = try await client.execute(uri: "/contracts/national-pilot/clients/A001/explanation?as_of=2014-07-31", method: .get,
                                                     headers: page)
            #expect(theirPage.status == .notFound && theirPage.text.contains("no client &#39;A001&#39; under national-pilot")
                    && !theirPage.text.contains("D1-completed"))
            let sharedPage = try await client.execute(uri: "/contracts/national-pilot/clients/A004/explanation?as_of=2014-07-31", method: .get,
                                                      headers: page)
            #expect(sharedPage.status == .ok && sharedPage.text.contains("<h1>Why A004 is paid what it is</h1>"))
            #expect(!sharedPage.text.contains("/P03\"") && !sharedPage.text.contains("<td>P03</td>"), "nothing paid to P03 on P02's page")
            let adminPage = try await client.execute(uri: "/contracts/national-pilot/clients/A004/explanation?as_of=2014-07-31", method: .get,
                                                     headers: fixture.headers("admin", path: "/"))
            #expect(adminPage.text.contains("/P03\"") && adminPage.text.contains("<td>P03</td>"), "the admin reads what P02 may not")
        }
        try await fixture.close()
    }

    @Test func listsAndSumsHoldNothingOfAnotherProvider() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let p02 = fixture.headers("otherProvider", path: "/api/")
            for uri in ["/api/v1/providers", "/api/v1/contracts/national-pilot/statements?per_page=500", "/api/v1/contracts/national-pilot/payments"] {
                let response = try await client.execute(uri: uri, method: .get, headers: p02)
                #expect(response.status == .ok)
                #expect(!response.text.contains("P01") && !response.text.contains("A001") && !response.text.contains("A003"), "\(uri)")
            }
            let overview = try await client.execute(uri: "/", method: .get, headers: fixture.headers("otherProvider", path: "/"))
            #expect(overview.status == .ok && !overview.text.contains("P01") && !overview.text.contains("A001"))
        }
        try await fixture.close()
    }

    @Test func anotherProvidersClientJourneyEntitlementsAndCSVAreNotFound() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let p02 = fixture.headers("otherProvider", path: "/api/")
            for route in ["journey?as_of=2014-07-31", "entitlements?as_of=2014-07-31"] {
                let theirs = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/A001/\(route)", method: .get, headers: p02)
                let none = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/Z999/\(route)", method: .get, headers: p02)
                #expect(theirs.status == .notFound)
                #expect(theirs.text == #"{"code":"not_found","message":"no client 'A001' under national-pilot"}"#)
                #expect(none.text == theirs.text.replacingOccurrences(of: "A001", with: "Z999"), "a refusal tells nothing of what exists")
            }
            let page = try await client.execute(uri: "/contracts/national-pilot/clients/A001", method: .get,
                                                headers: fixture.headers("otherProvider", path: "/"))
            #expect(page.status == .notFound && !page.text.contains("P01") && !page.text.contains("shoplifting"))
            let list = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients", method: .get, headers: p02)
            #expect(list.text.contains(#""client":"A002""#) && list.text.contains(#""client":"A004""#))
            #expect(!list.text.contains("A001") && !list.text.contains("A003") && !list.text.contains("P01") && !list.text.contains("P03"))
            let csv = try await client.execute(uri: "/api/v1/contracts/national-pilot/statements/2012-11/P01/lines.csv", method: .get, headers: p02)
            #expect(csv.status == .notFound && csv.text == #"{"code":"not_found","message":"no statement of national-pilot for P01 in 2012-11"}"#)
            let pageCSV = try await client.execute(uri: "/contracts/national-pilot/statements/2012-11/P01/lines.csv", method: .get,
                                                   headers: fixture.headers("otherProvider", path: "/"))
            #expect(pageCSV.status == .notFound && !pageCSV.text.contains("A001"))
            let payments = try await client.execute(uri: "/api/v1/contracts/national-pilot/payments.csv", method: .get, headers: p02)
            #expect(payments.status == .ok && payments.text.contains("payee,P02,"))
            #expect(!payments.text.contains("P01") && !payments.text.contains("P03"))
        }
        try await fixture.close()
    }

    @Test func aProviderCannotUploadAnotherProvidersRecords() async throws {
        let fixture = try await WebFixture.make()
        let before = try await ExtractUploadTests.counts(fixture)
        try await fixture.application.test(.router) { client in
            var headers = fixture.headers("otherProvider", path: "/api/")
            headers[.contentType] = Multipart.contentType
            let episodes = "record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"
                + "16,A001,P01,2014-06-01,2014-06-02,,,opiates,,,self\n10,A001,P02,2012-05-01,2012-05-14,2013-05-31,dropped_out,opiates,,,self\n"
                // A new episode of P02's own for P01's client: it would make A001 P02's, and open A001's whole record.
                + "77,A001,P02,2014-07-01,2014-07-02,,,opiates,,,self\n"
            let events = "record_id,client_id,on,kind,detail\n9,A003,2014-07-20,died,\n"
            // A004 was treated by P02 and then P03: withdrawing it would take P03's records with it.
            let clients = "client_id,sex,birth_year,deleted\nA004,,,Y\n"
            let body = Multipart.body(files: [Multipart.extractYAML(source: "not mine"), ("episodes.csv", episodes), ("events.csv", events), ("clients.csv", clients),
                                              ("offences.csv", "record_id,client_id,offence_on,proven_on,trigger,category\n")])
            let response = try await client.execute(uri: "/api/v1/imports", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .forbidden)
            let defects = response.text.components(separatedBy: #""defects":"#)[1]
            #expect(defects.contains(#"{"column":"provider_id","file":"episodes.csv","line":2,"reason":"P02 uploads only its own episodes, not one of 'P01'"}"#))
            #expect(defects.contains(#"{"column":"record_id","file":"episodes.csv","line":3,"reason":"episode '10' is not one of P02's"}"#))
            #expect(defects.contains(#"{"column":"client_id","file":"events.csv","line":2,"reason":"client 'A003' has no episode at P02"}"#))
            #expect(defects.contains(#"{"column":"client_id","file":"episodes.csv","line":4,"reason":"client 'A001' has no episode at P02: an admin uploads its first one here"}"#))
            #expect(defects.contains(#"{"column":"deleted","file":"clients.csv","line":2,"reason":"client 'A004' has episodes at other providers: only an admin withdraws it"}"#))
            #expect(defects.contains(#""file":"offences.csv","line":0,"reason":"a provider does not upload offences.csv: offences come from the police"}"#))
            var theirHeaders = fixture.headers("commissioner", path: "/api/")
            theirHeaders[.contentType] = Multipart.contentType
            let commissioner = try await client.execute(uri: "/api/v1/imports", method: .post, headers: theirHeaders, body: ByteBuffer(string: body))
            #expect(commissioner.status == .forbidden && commissioner.text.contains("uploaded by an admin or a provider"))
            let imports = try await client.execute(uri: "/api/v1/imports", method: .get, headers: fixture.headers("otherProvider", path: "/api/"))
            #expect(imports.text == #"{"items":[],"page":1,"per_page":50,"total":0}"#, "another's imports are not listed")
        }
        let after = try await ExtractUploadTests.counts(fixture)
        try await fixture.close()
        #expect(after == before)
    }

    /// A contract's path reaches only that contract's clients: a commissioner of a contract covering P01
    /// alone asks through it for A002 (treated only by P02, paid nothing under it) and is told there is none.
    @Test func aCommissionerReachesNoClientOfAnotherContractThroughItsOwn() async throws {
        let fixture = try await WebFixture.make()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("p01-only-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = try String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8)
            .replacingOccurrences(of: "id: national-pilot", with: "id: p01-only\nproviders: [P01]")
        let file = folder.appendingPathComponent("p01-only.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        try await fixture.pool.withStore { store in
            _ = try await ContractRegistry(store: store).add(file.path, by: "test")
            _ = try await Accounts(store: store, configuration: fixture.environment.configuration.accounts, clock: WebFixture.clock)
                .add(name: "narrow", role: .commissioner, providerID: nil, contractIDs: ["p01-only"], password: WebFixture.password,
                     as: Accounts.commandLine("test"))
        }
        let token = try await fixture.environment.accounts { try await $0.issueToken(name: "narrow", as: Accounts.commandLine("test")) }
        try await fixture.application.test(.router) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            for path in ["journey", "explanation", "entitlements"] {
                let theirs = try await client.execute(uri: "/api/v1/contracts/p01-only/clients/A002/\(path)?as_of=2014-07-31", method: .get,
                                                      headers: headers)
                #expect(theirs.status == .notFound && theirs.text.contains("no client 'A002' under p01-only"), "\(path): \(theirs.text.prefix(200))")
                let own = try await client.execute(uri: "/api/v1/contracts/p01-only/clients/A001/\(path)?as_of=2014-07-31", method: .get,
                                                   headers: headers)
                #expect(own.status == .ok, "\(path): A001 is P01's, under the contract")
            }
        }
        try await fixture.close()
    }

    @Test func aCommissionerSeesOnlyItsContracts() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let kent = fixture.headers("elsewhere", path: "/api/")
            let list = try await client.execute(uri: "/api/v1/contracts", method: .get, headers: kent)
            let one = try await client.execute(uri: "/api/v1/contracts/national-pilot/statements", method: .get, headers: kent)
            #expect(list.text == #"{"items":[],"page":1,"per_page":50,"total":0}"#)
            #expect(one.status == .notFound && one.text.contains("no contract 'national-pilot'"))
        }
        try await fixture.close()
    }

    @Test func anUnexpectedErrorIsA500WithARequestIDAndNoDetail() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.pool.withStore { try await $0.database.raw("UPDATE users SET role = 'wizard' WHERE name = 'assessor'").run() }
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/users", method: .get, headers: fixture.headers("admin", path: "/api/"))
            #expect(response.status == .internalServerError)
            #expect(response.text.contains(#""code":"internal""#) && response.text.contains(#""request_id":""#))
            #expect(!response.text.contains("wizard") && !response.text.contains("users.role"))
        }
        try await fixture.close()
    }
}
