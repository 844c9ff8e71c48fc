import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRCore
import PbRService
import SQLKit
@testable import PbRStore
import PbRWeb
import Testing

/// Uploading an extract through the API and the page: all or nothing, every defect named, the imports
/// list, and what a provider may send.
@Suite("Extract upload")
struct ExtractUploadTests {
    static let topHeader = "record_id,client_id,episode_id,on,stage,alcohol_days,opiates_days,crack_days,cocaine_days,amphetamines_days,"
        + "cannabis_days,other_days,alcohol_units,injected_days,shared_equipment,shoplifting_days,selling_days,theft_vehicle,other_theft,"
        + "fraud,violence,psychological,physical,quality_of_life,paid_work_days,education_days,acute_housing,eviction_risk"

    /// Journal rows and imports: what an upload refused must leave as they were.
    static func counts(_ fixture: WebFixture) async throws -> [Int] {
        try await fixture.pool.withStore { store in
            var counts: [Int] = []
            for table in ["journal", "imports"] {
                counts.append(try await store.database.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self))
            }
            return counts
        }
    }

    func post(_ client: some TestClientProtocol, _ fixture: WebFixture, as role: String, _ files: [(name: String, text: String)]) async throws -> TestResponse {
        var headers = fixture.headers(role, path: "/api/")
        headers[.contentType] = Multipart.contentType
        return try await client.execute(uri: "/api/v1/imports", method: .post, headers: headers,
                                        body: ByteBuffer(string: Multipart.body(files: files)))
    }

    @Test func aBadFileIsRefusedWithItsRowErrorAndTheStoreIsUnchanged() async throws {
        let fixture = try await WebFixture.make()
        let before = try await Self.counts(fixture)
        try await fixture.application.test(.router) { client in
            let top = Self.topHeader + "\n900,A001,10,2013-08-01,review,0,29,0,0,0,0,0,0,0,N,0,0,N,N,N,N,10,10,12,0,0,N,N\n"
            let events = "record_id,client_id,on,kind,detail\n9,A001,2013-08-02,work_activity,a new job\n"
            let response = try await post(client, fixture, as: "admin", [Multipart.extractYAML(source: "bad"), ("events.csv", events), ("top.csv", top)])
            #expect(response.status.code == 422)
            #expect(response.text.contains(#""code":"extract_refused""#))
            #expect(response.text.contains(#"{"column":"opiates_days","file":"top.csv","line":2,"reason":"29 is outside 0..28"}"#), "\(response.text)")
        }
        let after = try await Self.counts(fixture)
        try await fixture.close()
        #expect(after == before, "nothing half-imported: the good events.csv row is not in the journal either")
    }

    @Test func aGoodUploadIsImportedAndListed() async throws {
        let fixture = try await WebFixture.make()
        let before = try await Self.counts(fixture)
        try await fixture.application.test(.router) { client in
            let events = "record_id,client_id,on,kind,detail\n9,A002,2014-07-20,work_activity,volunteering\n"
            let response = try await post(client, fixture, as: "otherProvider", [Multipart.extractYAML(source: "P02 July upload"), ("events.csv", events)])
            #expect(response.status == .created, "\(response.text)")
            #expect(response.text.contains(#""import_id":3"#) && response.text.contains(#""rows_imported":1"#))
            let again = try await post(client, fixture, as: "otherProvider", [Multipart.extractYAML(source: "P02 July upload"), ("events.csv", events)])
            #expect(again.status == .ok && again.text.contains(#""already_imported":true"#))
            let theirs = try await client.execute(uri: "/api/v1/imports", method: .get, headers: fixture.headers("otherProvider", path: "/api/"))
            #expect(theirs.text.contains(#""source":"P02 July upload""#) && theirs.text.contains(#""total":1"#), "a provider sees its own uploads")
            let all = try await client.execute(uri: "/api/v1/imports", method: .get, headers: fixture.headers("auditor", path: "/api/"))
            #expect(all.text.contains(#""total":3"#) && all.text.contains("monthly treatment extract, May 2013"))
            let page = try await client.execute(uri: "/imports", method: .get, headers: fixture.headers("admin", path: "/"))
            #expect(page.text.contains("<td>P02 July upload</td>") && page.text.contains(#"enctype="multipart/form-data""#))
        }
        let after = try await Self.counts(fixture)
        let audit = try await fixture.pool.withStore { try await $0.auditEntries() }.filter { $0.action == "extract.import" }
        try await fixture.close()
        #expect(after == [before[0] + 1, before[1] + 1])
        #expect(audit.map { "\($0.actor) \($0.subject)" } == ["otherProvider import #3"])
    }

    @Test func theUploadFormNeedsItsTokenAndShowsTheReport() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            var headers = fixture.headers("admin", path: "/")
            headers[.contentType] = Multipart.contentType
            let csrf = fixture.sessions["admin"]!.csrf
            let top = Self.topHeader + "\n901,A001,12,2013-08-01,review,0,0,0,0,0,0,0,0,0,N,0,0,N,N,N,N,10,10,12,0,0,N,N\n"
            let files = [Multipart.extractYAML(source: "form"), ("top.csv", top)]
            let forged = try await client.execute(uri: "/imports", method: .post, headers: headers,
                                                  body: ByteBuffer(string: Multipart.body(files: files, fields: [("csrf", "wrong")])))
            #expect(forged.status == .forbidden)
            let refused = try await client.execute(uri: "/imports", method: .post, headers: headers,
                                                   body: ByteBuffer(string: Multipart.body(files: files, fields: [("csrf", csrf)])))
            #expect(refused.status.code == 422)
            #expect(refused.text.contains("<td>top.csv</td><td>2</td><td>episode_id</td>"), "\(refused.text)")
        }
        try await fixture.close()
    }
}
