import Foundation
import HTTPTypes
import NIOCore
import Hummingbird
import PbRCore
import PbRService
import PbRStore

/// Diagnostics: the latest kept run of a contract (API and page) and a new run (POST), made as `pbr
/// diagnose` makes it, over everything imported, and kept (`DiagnosticsRuns`).
enum DiagnosticsRoutes {
    static let readers = ["admin", "commissioner", "auditor"]
    static let runners = ["admin", "commissioner"]

    static var all: [Route] {
        [
            Route(method: .get, path: "/api/v1/contracts/:contract/diagnostics",
                  summary: "The latest kept diagnostics run of a contract: its facts and the diagnostics file as pbr diagnose writes it",
                  kind: .api, access: .signedIn, roles: readers,
                  responses: [(200, "the run and its file (diagnostics_file)"), (404, "no run yet")],
                  returns: APIResults.diagnosticsSchema) { _, context, environment in
                let id = try context.parameters.require("contract")
                guard let run = try await environment.diagnostics(try context.signedIn(), { try await $0.latest(id) }) else {
                    throw AccessRefusal.notFound("no diagnostics of \(id) have been run yet: POST to this path to run them")
                }
                return JSONReply.text(APIResults.diagnostics(run))
            },
            Route(method: .post, path: "/api/v1/contracts/:contract/diagnostics",
                  summary: "Runs a contract's diagnostics as of a day over everything imported, and keeps the result",
                  kind: .api, access: .signedIn, roles: runners, body: .json([("as_of", "string", true)]),  // YYYY-MM-DD; left out: the day the latest data were true
                  responses: [(201, "the run kept, with its file")], returns: APIResults.diagnosticsSchema) { request, context, environment in
                let id = try context.parameters.require("contract")
                let body = try await Forms.json(RunBody.self, request, context) ?? RunBody()
                let asked = try day(body.asOf)
                let run = try await environment.diagnostics(try context.signedIn()) { try await $0.run(id, asOf: asked) }
                return JSONReply.text(APIResults.diagnostics(run), status: .created)
            },
            Route(method: .get, path: "/diagnostics", summary: "Diagnostics of a contract: the latest kept run with its alerts and charts",
                  kind: .page, access: .signedIn, roles: readers,
                  query: [Route.Query(name: "contract", description: "the contract (default: the first the viewer may read)")],
                  responses: [(200, "the page")], handler: page),
            Route(method: .post, path: "/diagnostics", summary: "Runs a contract's diagnostics and keeps the result, then shows them",
                  kind: .page, access: .signedIn, roles: runners, body: .form(["csrf", "contract", "as_of"]),
                  responses: [(303, "run: to the diagnostics page")], handler: post),
        ]
    }

    struct RunBody: Decodable { var asOf: String? }

    struct Form: Decodable {
        var csrf: String?
        var contract: String?
        var asOf: String?
        enum CodingKeys: String, CodingKey { case csrf, contract, asOf = "as_of" }
    }

    static func day(_ text: String?) throws -> Day? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = Day(iso: text) else { throw AccessRefusal.badRequest("as_of '\(text)' is not a day (YYYY-MM-DD)") }
        return day
    }

    static func page(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let asked = request.uri.queryParameters["contract"].map(String.init)
        let today = environment.clock.today
        var model = try await environment.diagnostics(viewer) { diagnostics -> DiagnosticsModel in
            let contracts = try await diagnostics.contracts()
            guard let id = asked ?? contracts.first else { return DiagnosticsModel(viewer: viewer, contracts: contracts, today: today) }
            let run = try await diagnostics.latest(id)
            return DiagnosticsModel(viewer: viewer, contracts: contracts, id: id, today: try await diagnostics.suggestedAsOf(today: today), run: run,
                                    lastImport: try await diagnostics.lastImport())
        }
        model.csrf = context.csrf ?? ""
        return HTMLReply.response(environment.pages.render("diagnostics", model, title: "Diagnostics", viewer: viewer, csrf: context.csrf))
    }

    static func post(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let form = try await Forms.form(Form.self, request, context)
        try Forms.requireSession(form.csrf, context)
        guard let id = form.contract, !id.isEmpty else { throw AccessRefusal.badRequest("the form names no contract") }
        let asked = try day(form.asOf)
        _ = try await environment.diagnostics(viewer) { try await $0.run(id, asOf: asked) }
        return HTMLReply.redirect("/diagnostics?contract=\(PathText.escape(id))")
    }
}

/// What the pages' forms must carry, and an API body that may be left out.
enum Forms {
    /// The JSON body, or nil when there is none.
    static func json<T: Decodable>(_ type: T.Type, _ request: Request, _ context: WebContext) async throws -> T? {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        guard buffer.readableBytes > 0 else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(type, from: Data(buffer.readableBytesView)) } catch {
            throw AccessRefusal.badRequest("the body is not the JSON object this route takes (see /openapi.json)")
        }
    }

    /// A URL-encoded form's fields; a body no page of ours sends (a key twice, bad escapes) is a 400, not a 500.
    static func form<T: Decodable>(_ type: T.Type, _ request: Request, _ context: WebContext) async throws -> T {
        do { return try await URLEncodedFormDecoder().decode(type, from: request, context: context) } catch let error as any HTTPResponseError {
            throw error
        } catch {
            throw AccessRefusal.badRequest("the form is not one this page sends")
        }
    }

    /// The session's CSRF token, or a refusal.
    static func requireSession(_ token: String?, _ context: WebContext) throws {
        guard let csrf = context.csrf, Secret.matches(token ?? "", csrf) else {
            throw AccessRefusal.forbidden("the form did not come from this session")
        }
    }
}
