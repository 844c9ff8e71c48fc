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

/// Independent assessment and the service user's voice through the API and the pages, on the web
/// fixture's store (A004: band 1 from 2012-07-01, a work_activity event on 2012-12-05, so D2-work-activity
/// is priced at band 1: £150.00; at band 5 it is £250.00).
@Suite("Assessments and the service user's voice")
struct AssessmentRouteTests {
    static func post(_ client: some TestClientProtocol, _ uri: String, _ json: String, as headers: HTTPFields) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    static func workActivity(_ fixture: WebFixture) async throws -> (band: Int?, amount: String?) {
        let result = try await fixture.pool.withStore {
            try await ClientExplanation(contractID: "national-pilot", clientID: ClientID("A004"), asOf: day("2014-07-31")).run(on: $0)
        }
        let d2 = result.outcomes.first { $0.trace.outcomeID == OutcomeID("D2-work-activity") }
        return (d2?.trace.band?.value, d2?.lines.first?.amount.description)
    }

    @Test func aReassessmentReachesTheJournalWithItsBandAsRecordedAndFlagged() async throws {
        let fixture = try await WebFixture.make()
        #expect(try await Self.workActivity(fixture) == (1, "150.00"))
        try await fixture.application.test(.router) { client in
            // Factors worth 6 points (band 3), band 5 recorded: kept and flagged; from 2012-12-05 on, A004 is band 5.
            let body = #"{"contract":"national-pilot","client":"A004","assessed_on":"2012-12-05","factors":["opiates_or_crack","injecting"],"#
                + #""band":5,"referred_to":"P03","reason":"reassessment","why":"started injecting"}"#
            let response = try await Self.post(client, "/api/v1/assessments", body, as: fixture.headers("assessor", path: "/api/"))
            #expect(response.status == .created, "\(response.text)")
            #expect(response.text.contains(#""band":5"#) && response.text.contains(#""computed_band":3"#) && response.text.contains(#""disagrees":true"#))
            #expect(response.text.contains(#""score":6"#) && response.text.contains(#""source":"web""#))
            let list = try await client.execute(uri: "/api/v1/assessments?per_page=500", method: .get, headers: fixture.headers("admin", path: "/api/"))
            #expect(list.text.contains(#""disagrees":true"#) && list.text.contains(#""why":"started injecting""#))
        }
        #expect(try await Self.workActivity(fixture) == (5, "250.00"), "the engine reads the recorded band from its day on")
        let audit = try await fixture.pool.withStore { try await $0.auditEntries() }
        #expect(audit.contains { $0.action == "assessment.record" && $0.subject == "A004" && $0.detail.contains("disagrees with the score, which gives band 3") })
        let imports = try await fixture.pool.withStore { try await $0.imports() }
        #expect(imports.last?.source == "web: assessor" && imports.last?.rowsImported == 1)
        let problems = try await fixture.pool.withStore { try await $0.check() }
        #expect(problems.isEmpty, "\(problems)")
        try await fixture.close()
    }

    @Test func aReassessmentAfterTheAchievementLeavesItsPrice() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let body = #"{"contract":"national-pilot","client":"A004","assessed_on":"2012-12-06","factors":[],"band":5,"reason":"reassessment","why":"new information"}"#
            let response = try await Self.post(client, "/api/v1/assessments", body, as: fixture.headers("assessor", path: "/api/"))
            #expect(response.status == .created)
        }
        #expect(try await Self.workActivity(fixture) == (1, "150.00"))
        try await fixture.close()
    }

    @Test func refusals() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let assessor = fixture.headers("assessor", path: "/api/")
            let noWhy = #"{"contract":"national-pilot","client":"A004","assessed_on":"2013-01-05","factors":[],"band":1,"reason":"reassessment"}"#
            let refused = try await Self.post(client, "/api/v1/assessments", noWhy, as: assessor)
            #expect(refused.status == .badRequest && refused.text.contains("a reassessment says why"))
            let initial = noWhy.replacingOccurrences(of: "reassessment", with: "initial")
            #expect(try await Self.post(client, "/api/v1/assessments", initial, as: assessor).text.contains("the client was assessed on 2012-07-01"))
            let unknown = #"{"contract":"national-pilot","client":"A004","assessed_on":"2013-01-05","factors":["gambling"],"band":1,"reason":"reassessment","why":"x"}"#
            #expect(try await Self.post(client, "/api/v1/assessments", unknown, as: assessor).text.contains("no complexity factor 'gambling'"))
            let provider = try await Self.post(client, "/api/v1/assessments", noWhy, as: fixture.headers("provider", path: "/api/"))
            #expect(provider.status == .forbidden)
        }
        let entries = try await fixture.pool.withStore { try await $0.auditEntries() }
        #expect(!entries.contains { $0.action == "assessment.record" }, "nothing refused was recorded")
        try await fixture.close()
    }

    @Test func aProviderReadsAndRecordsOnlyItsOwnClientsVoice() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let p01 = fixture.headers("provider", path: "/api/"), p02 = fixture.headers("otherProvider", path: "/api/")
            let goal = try await Self.post(client, "/api/v1/clients/A001/goals", #"{"on":"2013-02-01","kind":"goal_achieved","detail":"back at work"}"#, as: p01)
            #expect(goal.status == .created && goal.text.contains(#""record_id":"web-"#))
            let said = try await Self.post(client, "/api/v1/clients/A001/feedback", #"{"on":"2013-02-02","text":"the group helped"}"#, as: p01)
            #expect(said.status == .created)
            let own = try await client.execute(uri: "/api/v1/clients/A001/voice", method: .get, headers: p01)
            #expect(own.text.contains(#""goals_achieved":1"#) && own.text.contains("back at work") && own.text.contains("the group helped"))
            let theirs = try await client.execute(uri: "/api/v1/clients/A001/voice", method: .get, headers: p02)
            let none = try await client.execute(uri: "/api/v1/clients/Z999/voice", method: .get, headers: p02)
            #expect(theirs.status == .notFound && theirs.text == none.text.replacingOccurrences(of: "Z999", with: "A001"))
            #expect(!theirs.text.contains("back at work"))
            let write = try await Self.post(client, "/api/v1/clients/A001/feedback", #"{"on":"2013-02-02","text":"x"}"#, as: p02)
            #expect(write.status == .notFound)
        }
        // The goal is an event in the journal, as an events.csv row would be.
        let history = try await fixture.pool.withStore { try await $0.histories(knownAt: nil, client: ClientID("A001")).first }
        #expect(history?.events.contains { $0.kind == .goalAchieved && $0.on == day("2013-02-01") && $0.detail == "back at work" } == true)
        try await fixture.close()
    }

    @Test func theAssessorsFormRecordsAndThePageShowsTheFlag() async throws {
        let fixture = try await WebFixture.make()
        let session = fixture.sessions["assessor"]!
        try await fixture.application.test(.router) { client in
            let cookie: HTTPFields = [.cookie: "pbr_session=\(session.secret)", .contentType: "application/x-www-form-urlencoded"]
            let form = "csrf=\(session.csrf)&contract=national-pilot&client=A002&assessed_on=2013-01-07&factor=opiates_or_crack&factor=housing"
                + "&band=4&referred_to=P02&reason=reassessment&why=relapse"
            let posted = try await client.execute(uri: "/assessments", method: .post, headers: cookie, body: ByteBuffer(string: form))
            #expect(posted.status == .seeOther && posted.headers[.location]?.hasPrefix("/assessments?contract=national-pilot&recorded=web-") == true)
            let page = try await client.execute(uri: posted.headers[.location]!, method: .get, headers: [.cookie: "pbr_session=\(session.secret)"])
            #expect(page.status == .ok)
            #expect(page.text.contains("<td>A002</td><td>2013-01-07</td><td>4</td>") && page.text.contains("<td>4</td><td>2</td><td>⚑ band disagrees"))
            #expect(page.text.contains("opiates_or_crack, housing") && page.text.contains("Waiting times"))
            // The flagged assessment is listed above every assessment, and again in its place among them.
            let flaggedSection = page.text.components(separatedBy: "<h2>Every assessment</h2>")
            #expect(flaggedSection.count == 2 && flaggedSection[0].contains("⚑ band disagrees") && flaggedSection[1].contains("⚑ band disagrees"))
            let total = try await fixture.pool.withStore { try await $0.histories(knownAt: nil) }.reduce(0) { $0 + $1.assessments.count }
            #expect(page.text.contains("<p>1 to \(total) of \(total), by client then day.") && !page.text.contains(">Next</a>"))
            let beyond = try await client.execute(uri: "/assessments?page=2", method: .get, headers: [.cookie: "pbr_session=\(session.secret)"])
            #expect(beyond.text.contains("<p>none of \(total), by client then day. <a href=\"/assessments?page=1\">Previous</a>"))
        }
        try await fixture.close()
    }
}
