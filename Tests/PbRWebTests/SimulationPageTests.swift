import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRCore
import PbRImport
import PbRService
import PbRSimulation
import PbRStore
import PbRTestSupport
@testable import PbRWeb
import Testing

/// The simulation page: a small scenario run as `pbr simulate` runs it, kept, listed and shown; what is
/// above the limits refused with words that say what to change.
@Suite("Simulation runs kept and shown")
struct SimulationPageTests {
    func start(_ client: some TestClientProtocol, _ fixture: WebFixture, as role: String = "commissioner", _ body: String) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/contracts/national-pilot/simulations", method: .post,
                                 headers: fixture.headers(role, path: "/api/").merging([.contentType: "application/json"]),
                                 body: ByteBuffer(string: body))
    }

    @Test func aSmallScenarioGivesTheFiguresOfPbrSimulateWithTheSameSeed() async throws {
        let fixture = try await WebFixture.make()
        // What `pbr simulate --contract national-pilot --scenario small.yaml --runs 6 --seed 42 --db STORE` writes as runs.csv.
        let job = try await ContractSimulationJob.prepare(contract: "national-pilot", store: fixture.pool.location,
                                                          scenario: Fixtures.url("scenarios/small.yaml").path)
        let expected = SimulationCSV.runs(job.run(runs: 6, seed: 42), contract: job.simulation.versions.first)
        try await fixture.application.test(.router) { client in
            let posted = try await start(client, fixture, #"{"scenario":"small","runs":6,"seed":42}"#)
            #expect(posted.status == .created)
            let body = try JSONSerialization.jsonObject(with: Data(posted.text.utf8)) as! [String: Any]
            #expect(body["runs_csv"] as? String == expected)
            #expect(body["clients_per_run"] as? Int == 60 && body["seed"] as? String == "42" && body["run"] as? Int == 1)
            let summary = body["summary"] as! [String: Any]
            #expect((summary["years"] as? [Any])?.isEmpty == false && (summary["commissioner_spend"] as? [Any])?.isEmpty == false)

            let page = try await client.execute(uri: "/simulations/1", method: .get, headers: fixture.headers("commissioner", path: "/"))
            #expect(page.status == .ok)
            #expect(page.text.contains("Monthly income of P01") && page.text.contains("Cash-flow gap") && page.text.contains("The commissioner"))
            #expect(page.text.contains("<svg") && page.text.contains("class=\"fan\""), "the income fan chart")
            let list = try await client.execute(uri: "/simulations", method: .get, headers: fixture.headers("commissioner", path: "/"))
            #expect(list.text.contains(#"<a href="/simulations/1">#1</a>"#) && list.text.contains("<option>small</option>"))
        }
        try await fixture.close()
    }

    @Test func runsAndClientsAboveTheLimitsAreRefusedSayingWhatToChange() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let runs = try await start(client, fixture, #"{"scenario":"small","runs":201,"seed":1}"#)
            #expect(runs.status == .badRequest)
            #expect(runs.text.contains("runs is 1 to 200 here (asked: 201); run more with pbr simulate"))
            let clients = try await start(client, fixture, #"{"scenario":"too-big","runs":10,"seed":1}"#)
            #expect(clients.status == .badRequest)
            #expect(clients.text.contains("a run of this scenario refers 600 clients (50 a month for 12 months to 1 provider), more than the 500"))
            #expect(clients.text.contains("ask for at most 41 referrals a month"))
            let smaller = try await start(client, fixture, #"{"scenario":"too-big","runs":1,"seed":1,"referrals_per_month":41}"#)
            #expect(smaller.status == .created && smaller.text.contains(#""clients_per_run":492"#))
            let unknown = try await start(client, fixture, #"{"scenario":"../contracts/kent","runs":2}"#)
            #expect(unknown.status == .badRequest && unknown.text.contains("no scenario '../contracts/kent': the scenarios are small, too-big"))
            let kept = try await fixture.pool.withStore { try await $0.simulations("national-pilot") }
            #expect(kept.count == 1, "nothing refused was kept")
        }
        try await fixture.close()
    }

    @Test func theFormStartsARunAndShowsIt() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let session = fixture.sessions["admin"]!
            let posted = try await client.execute(
                uri: "/simulations", method: .post,
                headers: [.cookie: "pbr_session=\(session.secret)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(session.csrf)&contract=national-pilot&scenario=small&runs=3&seed=5&referrals_per_month="))
            #expect(posted.status == .seeOther && posted.headers[.location] == "/simulations/1")
            let over = try await client.execute(
                uri: "/simulations", method: .post,
                headers: [.cookie: "pbr_session=\(session.secret)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(session.csrf)&contract=national-pilot&scenario=small&runs=500&seed=5"))
            #expect(over.status == .badRequest && over.text.contains("runs is 1 to 200 here"), "the page says why, in words")
            // Too big for a run here (50 a month × 12 months = 600 clients), the referrals left empty: the form runs
            // the most that fits, 500 / 12 = 41 a month (492 clients), and the run's scenario says so.
            let fitted = try await client.execute(
                uri: "/simulations", method: .post,
                headers: [.cookie: "pbr_session=\(session.secret)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(session.csrf)&contract=national-pilot&scenario=too-big&runs=1&seed=5&referrals_per_month="))
            #expect(fitted.status == .seeOther && fitted.headers[.location] == "/simulations/2")
            let second = try await fixture.pool.withStore { try await $0.simulations("national-pilot") }.first { $0.id == 2 }
            #expect(second?.clients == 492
                    && second?.scenario == "too-big (41 referrals a month, not 50: the most a run here may have)")
        }
        try await fixture.close()
    }
}
