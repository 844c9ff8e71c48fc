import Foundation
import Hummingbird
import PbRCore
import PbRService
import PbRStore

/// Simulation runs: a small scenario run on a contract and kept (`SimulationRuns`), listed and shown.
enum SimulationRoutes {
    static let readers = APIRoutes.readers
    static let starters = ["admin", "commissioner", "provider"]

    static var all: [Route] {
        [
            Route(method: .get, path: "/api/v1/contracts/:contract/simulations",
                  summary: "A contract's kept simulation runs, newest first (a provider: the runs it started)",
                  kind: .api, access: .signedIn, roles: readers, query: APIPage<APIResults.SimulationRun>.queries,
                  responses: [(200, "a page of runs")], returns: .of(APIPage<APIResults.SimulationRun>.self)) { request, context, environment in
                let id = try context.parameters.require("contract")
                let runs = try await environment.simulations(try context.signedIn()) { try await $0.list(id) }
                return JSONReply.response(try APIPage.of(runs.map(APIResults.SimulationRun.init), request))
            },
            Route(method: .post, path: "/api/v1/contracts/:contract/simulations",
                  summary: "Runs a small scenario on a contract (at most 200 runs of 500 clients) and keeps it",
                  kind: .api, access: .signedIn, roles: starters,
                  body: .json([("scenario", "string", true), ("runs", "integer", true), ("seed", "integer", false),
                               ("referrals_per_month", "integer", false)]),
                  responses: [(201, "the run kept, with its summary and runs.csv"), (400, "an unknown scenario, or above the limits")],
                  returns: APIResults.simulationSchema) { request, context, environment in
                let id = try context.parameters.require("contract")
                guard let body = try await Forms.json(StartBody.self, request, context) else {
                    throw AccessRefusal.badRequest("the body names the scenario and the runs (see /openapi.json)")
                }
                let ask = SimulationRuns.Request(scenario: body.scenario, runs: body.runs, seed: body.seed ?? 1, referralsPerMonth: body.referralsPerMonth)
                let run = try await start(id, ask, context, environment)
                return JSONReply.text(APIResults.simulation(run), status: .created)
            },
            Route(method: .get, path: "/api/v1/contracts/:contract/simulations/:run",
                  summary: "One kept simulation run: what was asked, its summary (income, cash-flow gap, spend) and runs.csv",
                  kind: .api, access: .signedIn, roles: readers, responses: [(200, "the run")], returns: APIResults.simulationSchema) { _, context, environment in
                let id = try context.parameters.require("contract"), number = try runNumber(context)
                let run = try await environment.simulations(try context.signedIn()) { try await $0.run(id: number, of: id) }
                return JSONReply.text(APIResults.simulation(run))
            },
            Route(method: .get, path: "/simulations", summary: "Simulation of a contract: the form for a small scenario and the kept runs",
                  kind: .page, access: .signedIn, roles: readers,
                  query: [Route.Query(name: "contract", description: "the contract (default: the first the viewer may read)")],
                  responses: [(200, "the page")], handler: page),
            Route(method: .post, path: "/simulations", summary: "Runs a small scenario and keeps it, then shows it",
                  kind: .page, access: .signedIn, roles: starters,
                  body: .form(["csrf", "contract", "scenario", "runs", "seed", "referrals_per_month"]),
                  responses: [(303, "run: to its page")], handler: post),
            Route(method: .get, path: "/simulations/:run", summary: "A kept simulation run: income fan charts, cash-flow gap, the commissioner's spend",
                  kind: .page, access: .signedIn, roles: readers, responses: [(200, "the run")]) { _, context, environment in
                let viewer = try context.signedIn(), number = try runNumber(context)
                let run = try await environment.simulations(viewer) { try await $0.run(id: number) }
                return HTMLReply.response(environment.pages.render("simulation-run", SimulationRunModel(run), title: "Simulation run #\(run.id)",
                                                                   viewer: viewer, csrf: context.csrf))
            },
        ]
    }

    struct StartBody: Decodable {
        var scenario: String
        var runs: Int
        var seed: UInt64?
        var referralsPerMonth: Int?
    }

    struct Form: Decodable {
        var csrf: String?
        var contract: String?
        var scenario: String?
        var runs: String?
        var seed: String?
        var referralsPerMonth: String?
        enum CodingKeys: String, CodingKey { case csrf, contract, scenario, runs, seed, referralsPerMonth = "referrals_per_month" }
    }

    static func start(_ id: String, _ ask: SimulationRuns.Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> StoredSimulation {
        let shelf = environment.scenarios, limits = environment.configuration.simulationLimits
        return try await environment.simulations(try context.signedIn()) { try await $0.start(id, ask, shelf: shelf, limits: limits) }
    }

    static func runNumber(_ context: WebContext) throws -> Int {
        let text = try context.parameters.require("run")
        guard let number = Int(text), number >= 1 else { throw AccessRefusal.notFound("no simulation run \(text)") }
        return number
    }

    static func page(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let asked = request.uri.queryParameters["contract"].map(String.init)
        let shelf = environment.scenarios, limits = environment.configuration.simulationLimits
        var model = try await environment.simulations(viewer) { simulations -> SimulationsModel in
            let contracts = try await LedgerReader(store: simulations.store, viewer: viewer).contracts().map(\.id)
            guard let id = asked ?? contracts.first else { return SimulationsModel(contracts: contracts, limits: limits) }
            return SimulationsModel(contracts: contracts, id: id, mayStart: try await simulations.mayStart(id), scenarios: shelf.names(),
                                    limits: limits, runs: try await simulations.list(id))
        }
        model.csrf = context.csrf ?? ""
        return HTMLReply.response(environment.pages.render("simulations", model, title: "Simulation", viewer: viewer, csrf: context.csrf))
    }

    static func post(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let form = try await Forms.form(Form.self, request, context)
        try Forms.requireSession(form.csrf, context)
        guard let id = form.contract, !id.isEmpty else { throw AccessRefusal.badRequest("the form names no contract") }
        guard let runs = Int(form.runs ?? ""), let seed = UInt64(form.seed ?? "") else {
            throw AccessRefusal.badRequest("runs and seed are whole numbers")
        }
        let referrals = form.referralsPerMonth.flatMap { $0.isEmpty ? nil : $0 }
        guard referrals == nil || Int(referrals!) != nil else { throw AccessRefusal.badRequest("referrals a month is a whole number") }
        let ask = SimulationRuns.Request(scenario: form.scenario ?? "", runs: runs, seed: seed, referralsPerMonth: referrals.flatMap { Int($0) },
                                         fitToLimits: true)
        let run = try await start(id, ask, context, environment)
        return HTMLReply.redirect("/simulations/\(run.id)")
    }
}
