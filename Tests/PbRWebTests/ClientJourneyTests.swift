import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRCore
import PbRService
import PbRTestSupport
@testable import PbRStore
import PbRWeb
import Testing

/// A client's journey, entitlements and list, and the CSV exports, on the small example (its README
/// tells A001's story and what it earns; the statements to 2014-07 are issued by `WebFixture`).
@Suite("Clients, journeys and exports")
struct ClientJourneyTests {
    func json(_ text: String) throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any] }

    @Test func a001sJourneyHasItsHandCheckedEpisodesReviewsOutcomesAndPayments() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/A001/journey?as_of=2014-07-31", method: .get,
                                                    headers: fixture.headers("commissioner", path: "/api/"))
            #expect(response.status == .ok)
            let body = try json(response.text)
            let episodes = body["episodes"] as! [[String: Any]]
            #expect(episodes.map { "\($0["record"]!) \($0["provider"]!) \($0["start_on"]!) \($0["end_on"]!) \($0["discharge_reason"]!)" }
                    == ["10 P01 2012-05-14 2013-05-31 completed_drug_free"])
            let tops = body["tops"] as! [[String: Any]]
            #expect(tops.map { "\($0["on"]!) \($0["stage"]!)" } == ["2012-05-14 start", "2012-11-12 review", "2013-02-11 review", "2013-05-31 exit"])
            // The corrected review of 2013-02-11 (crack on 2 days), with the scores its journey's outcomes read.
            #expect(tops[2]["scores"] as? [String: Int] == ["opiates_days": 0, "crack_days": 2, "injected_days": 0, "quality_of_life": 11,
                                                             "acute_housing": 0, "eviction_risk": 0, "paid_work_days": 0, "education_days": 0])
            #expect((body["assessments"] as! [[String: Any]]).map { "\($0["assessed_on"]!) \($0["band"]!)" } == ["2012-05-02 4"])
            #expect((body["offences"] as! [[String: Any]]).map { "\($0["offence_on"]!) \($0["category"]!)" } == ["2012-02-03 shoplifting"])
            #expect((body["events"] as! [[String: Any]]).map { "\($0["on"]!) \($0["kind"]!)" }
                    == ["2012-06-20 hepb_dose", "2012-07-18 hepb_dose", "2012-11-20 hepb_course_complete"])
            #expect((body["outcomes_reached"] as! [[String: Any]]).map { "\($0["achieved_on"]!) \($0["outcome"]!)" } == [
                "2012-11-14 D3-no-offending-6m", "2012-11-20 D4-hepb-course", "2013-02-11 D4-housing", "2013-02-11 D4-stopped-injecting",
                "2013-05-14 D3-no-offending-12m", "2013-05-31 D1-completed", "2013-05-31 D4-wellbeing",
            ])
            let payments = body["payments"] as! [[String: Any]]
            #expect(payments.map { "\($0["statement"]!) \($0["outcome"]!) \($0["amount_pence"]!)" } == [
                "national-pilot/2012-11/P01 D4-hepb-course 10000", "national-pilot/2013-02/P01 D1-abstinent 60000",
                "national-pilot/2013-02/P01 D4-housing 30000", "national-pilot/2013-02/P01 D4-stopped-injecting 30000",
                "national-pilot/2013-05/P01 D4-wellbeing 17500", "national-pilot/2013-06/P01 D1-abstinent -60000",
                "national-pilot/2013-08/P01 D1-completed 50000", "national-pilot/2013-09/P01 D3-no-offending-6m 35000",
                "national-pilot/2013-11/P01 D1-completed 50000", "national-pilot/2014-02/P01 D1-completed 50000",
                "national-pilot/2014-03/P01 D3-no-offending-12m 70000", "national-pilot/2014-05/P01 D1-completed 50000",
            ])
            #expect(payments.reduce(0) { $0 + ($1["amount_pence"] as! Int) } == 392_500)
            #expect(!response.text.contains("birth_year") && !response.text.contains("1978"), "pseudonymous: nothing that names a person")
        }
        try await fixture.close()
    }

    @Test func theJourneyPageDrawsTheTimelineAndTablesOfTheSameFacts() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let page = try await client.execute(uri: "/contracts/national-pilot/clients/A001?as_of=2014-07-31", method: .get,
                                                headers: fixture.headers("provider", path: "/"))
            #expect(page.status == .ok)
            let text = page.text
            for lane in ["Episodes", "TOPs", "Offences", "Assessments", "Outcomes", "Payments"] {
                #expect(text.contains(">\(lane)</text>"), "lane \(lane)")
            }
            #expect(text.contains(">2012-07</text>") && text.contains(">2014-01</text>") && !text.contains(">2012-10</text>"), "over two years: a tick each half year")
            #expect(text.contains(">P01 #10</text>") && text.contains(">band 4</text>") && text.contains(">shoplifting</text>"))
            #expect(text.contains("episode 10 at P01: 2012-05-14 to 2013-05-31 (completed_drug_free)"))
            #expect(text.contains(">R QoL 11</text>") && text.contains("crack_days 2"))
            #expect(text.contains(">D1-completed</text>") && text.contains(">-£600.00</text>") && text.contains(">£500.00</text>"))
            #expect(text.contains("<strong>£3,925.00</strong>"))
            #expect(text.contains(#"<a href="/contracts/national-pilot/statements/2013-06/P01">national-pilot/2013-06/P01</a>"#))
        }
        try await fixture.close()
    }

    @Test func entitlementsOfOneClientAsOfADay() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients/A001/entitlements?as_of=2016-12-31",
                                                    method: .get, headers: fixture.headers("admin", path: "/api/"))
            let lines = try json(response.text)["entitlements"] as! [[String: Any]]
            // The small example's entitlements-2016-12-31.csv, A001's rows.
            #expect(lines.map { "\($0["outcome"]!) \($0["part"]!) \($0["achieved_on"]!) \($0["due_on"]!) \($0["amount_pence"]!) \($0["status"]!)" } == [
                "D1-completed 1 2013-05-31 2013-08-31 50000 payable", "D1-completed 2 2013-05-31 2013-11-30 50000 payable",
                "D1-completed 3 2013-05-31 2014-02-28 50000 payable", "D1-completed 4 2013-05-31 2014-05-31 50000 payable",
                "D3-no-offending-12m 1 2013-05-14 2014-03-14 70000 payable", "D3-no-offending-6m 1 2012-11-14 2013-09-14 35000 payable",
                "D4-hepb-course 1 2012-11-20 2012-11-20 10000 payable", "D4-housing 1 2013-02-11 2013-02-11 30000 payable",
                "D4-stopped-injecting 1 2013-02-11 2013-02-11 30000 payable", "D4-wellbeing 1 2013-05-31 2013-05-31 17500 payable",
            ])
        }
        try await fixture.close()
    }

    @Test func theContractsEntitlementsAsSettledByTheIssuedLines() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/contracts/national-pilot/entitlements?per_page=500", method: .get,
                                                    headers: fixture.headers("commissioner", path: "/api/"))
            let body = try json(response.text)
            let items = (body["items"] as! [[String: Any]]).map { "\($0["payee"]!) \($0["client"]!) \($0["outcome"]!) \($0["part"]!) \($0["paid_pence"]!)" }
            // The small example's statements.csv summed by key; A001's D1-abstinent (600.00, then -600.00) settles at zero.
            #expect(items == [
                "P01 A001 D1-completed 1 50000", "P01 A001 D1-completed 2 50000", "P01 A001 D1-completed 3 50000", "P01 A001 D1-completed 4 50000",
                "P01 A001 D3-no-offending-12m 1 70000", "P01 A001 D3-no-offending-6m 1 35000", "P01 A001 D4-hepb-course 1 10000",
                "P01 A001 D4-housing 1 30000", "P01 A001 D4-stopped-injecting 1 30000", "P01 A001 D4-wellbeing 1 17500",
                "P01 A003 D3-no-offending-12m 1 60000", "P01 A003 D3-no-offending-6m 1 30000",
                "P02 A002 D1-alcohol-reduced 1 20000", "P02 A002 D1-completed 1 32500", "P03 A004 D2-work-activity 1 15000",
            ])
        }
        try await fixture.close()
    }

    @Test func theClientsListShowsIdsProvidersAndBandsAndIsAudited() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let all = try await client.execute(uri: "/api/v1/contracts/national-pilot/clients?per_page=3", method: .get,
                                               headers: fixture.headers("auditor", path: "/api/"))
            let body = try json(all.text)
            #expect(body["total"] as? Int == 4 && body["per_page"] as? Int == 3)
            let items = (body["items"] as! [[String: Any]]).map { item in
                "\(item["client"]!) \((item["providers"] as! [String]).joined(separator: "+")) \(item["band"]!) \(item["paid_pence"]!)"
            }
            #expect(items == ["A001 P01 4 392500", "A002 P02 2 52500", "A003 P01 3 90000"])
            let page = try await client.execute(uri: "/contracts/national-pilot/clients?page=2&per_page=3", method: .get,
                                                headers: fixture.headers("auditor", path: "/"))
            #expect(page.text.contains(#"<a href="/contracts/national-pilot/clients/A004">A004</a>"#) && page.text.contains("<td>P02, P03</td>"))
            #expect(page.text.contains("Page 2 of 2") && !page.text.contains(">A001<"))
        }
        let actions = try await fixture.pool.withStore { try await $0.auditEntries() }.filter { $0.actor == "auditor" }.map { "\($0.action) \($0.subject)" }
        try await fixture.close()
        #expect(actions.suffix(2) == ["client.list national-pilot", "client.list national-pilot"])
    }

    @Test func aContractsClientsAreThoseOfTheProvidersItCovers() async throws {
        let fixture = try await WebFixture.make()
        // The reference contract under another id, covering P03 alone: its only client is A004 (no lines issued).
        let text = try String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8)
            .replacingOccurrences(of: "id: national-pilot", with: "id: p03-only\nproviders: [P03]")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("p03-only-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await fixture.pool.withStore { try await ContractRegistry(store: $0).add(file.path, by: "test") }
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/contracts/p03-only/clients", method: .get, headers: fixture.headers("admin", path: "/api/"))
            let items = (try json(response.text)["items"] as! [[String: Any]]).map { $0["client"] as! String }
            #expect(items == ["A004"])
        }
        try await fixture.close()
    }

    @Test func theStatementCSVHoldsTheStatementsLinesInTheFixedColumns() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let api = fixture.headers("provider", path: "/api/")
            let csv = try await client.execute(uri: "/api/v1/contracts/national-pilot/statements/2013-02/P01/lines.csv", method: .get, headers: api)
            let json = try await client.execute(uri: "/api/v1/contracts/national-pilot/statements/2013-02/P01", method: .get, headers: api)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = csv.text.split(separator: "\n").map(String.init)
            #expect(rows[0] == "statement_id,line,period,provider_id,earned_by,client_id,component,outcome_id,part,band,achieved_on,due_on,kind,amount,reason,refers_to")
            let lines = try self.json(json.text)["lines"] as! [[String: Any]]
            #expect(rows.count - 1 == lines.count)
            for (row, line) in zip(rows.dropFirst(), lines) {
                let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(fields[0] == line["statement"] as? String && Int(fields[1]) == line["line"] as? Int)
            }
            // The small example's statements.csv, P01 in 2013-02: three outcome lines for A001.
            let outcomes = rows.filter { $0.contains(",outcome,") }.map { row -> String in
                let f = row.split(separator: ",", omittingEmptySubsequences: false)
                return "\(f[5]) \(f[7]) \(f[8]) \(f[12]) \(f[13])"
            }
            #expect(outcomes == ["A001 D1-abstinent 1 new 600.00", "A001 D4-housing 1 new 300.00", "A001 D4-stopped-injecting 1 new 300.00"])
            let payments = try await client.execute(uri: "/contracts/national-pilot/payments.csv", method: .get, headers: fixture.headers("provider", path: "/"))
            #expect(payments.text.hasPrefix("by,key,lines,amount\npayee,P01,"))
            #expect(payments.text.contains("\nmonth,2013-06,,") && !payments.text.contains("P02") && !payments.text.contains("P03"))
        }
        try await fixture.close()
    }
}
