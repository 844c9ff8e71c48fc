import HTTPTypes
import Hummingbird
import PbRCore
import PbRService
import PbRStore

/// The server-rendered pages: sign-in and sign-out, the overview and a statement. Each handler asks a use
/// case and fills a template; the forms carry a CSRF token.
enum PageRoutes {
    static var all: [Route] {
        [
            Route(method: .get, path: "/sign-in", summary: "The sign-in form", kind: .page, access: .everyone, roles: ["anyone"],
                  responses: [(200, "the form")]) { _, context, environment in
                signInPage(context, environment, name: "", message: nil, status: .ok)
            },
            Route(method: .post, path: "/sign-in", summary: "Signs in: a session cookie, then the overview", kind: .page, access: .everyone,
                  roles: ["anyone"], body: .form(["name", "password", "csrf"]),
                  responses: [(303, "signed in: to the overview"), (401, "name or password wrong"), (429, "too many failed attempts")],
                  handler: SignIn.post),
            Route(method: .post, path: "/sign-out", summary: "Signs out (the form's CSRF token required)", kind: .page, access: .signedIn,
                  roles: ["admin", "commissioner", "provider", "assessor", "auditor"], body: .form(["csrf"]),
                  responses: [(303, "signed out: to the sign-in form")], handler: SignIn.signOut),
            Route(method: .get, path: "/", summary: "Overview: payments to date by payee, outcome and band, each month's payments, the statements",
                  kind: .page, access: .signedIn, roles: APIRoutes.readers,
                  query: [Route.Query(name: "contract", description: "the contract to show (default: the first the viewer may read)")],
                  responses: [(200, "the overview")], handler: overview),
            Route(method: .get, path: "/contracts/:contract/statements/:period/:payee", summary: "A statement, every line with its reason; printable",
                  kind: .page, access: .signedIn, roles: APIRoutes.readers, responses: [(200, "the statement")], handler: statement),
            Route(method: .get, path: "/contracts/:contract/clients/:client/explanation",
                  summary: "Why a client is paid what it is, as of a day: journeys, assessments, each outcome's verdicts, parts and lines",
                  kind: .page, access: .signedIn, roles: APIRoutes.readers,
                  query: [Route.Query(name: "as_of", description: "YYYY-MM-DD (default: today)")],
                  responses: [(200, "the explanation")], handler: explanation),
        ]
    }

    static func signInPage(_ context: WebContext, _ environment: WebEnvironment, name: String, message: String?,
                           status: HTTPResponse.Status) -> Response {
        struct Model { var name: String; var message: String?; var csrf: String }
        let token = Secret.make()
        let html = environment.pages.render("sign-in", Model(name: name, message: message, csrf: token), title: "Sign in", viewer: nil, csrf: nil)
        return HTMLReply.response(html, status: status, cookies: [SessionCookie.signInToken(token, secure: environment.configuration.secureCookies)])
    }

    static func overview(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        // An assessor reads no ledger: its home is the assessments.
        if !viewer.readsLedger && viewer.recordsAssessments { return HTMLReply.redirect("/assessments") }
        let asked = request.uri.queryParameters["contract"].map(String.init)
        let model = try await environment.ledger(viewer) { ledger -> OverviewModel in
            let contracts = try await ledger.contracts().map(\.id)
            guard let id = asked ?? contracts.first else { return OverviewModel(viewer: viewer, contracts: contracts) }
            return OverviewModel(viewer: viewer, contracts: contracts, id: id, payments: try await ledger.payments(id),
                                 statements: try await ledger.statements(id))
        }
        return HTMLReply.response(environment.pages.render("overview", model, title: "Overview", viewer: viewer, csrf: context.csrf))
    }

    static func statement(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let (id, period, payee) = try APIRoutes.statementKey(context)
        let issued = try await environment.ledger(viewer) { try await $0.statement(id, period: period, payee: payee) }
        let model = StatementModel(issued, viewer: viewer)
        return HTMLReply.response(environment.pages.render("statement", model, title: "Statement \(model.id)", viewer: viewer, csrf: context.csrf))
    }

    static func explanation(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let id = try context.parameters.require("contract"), client = ClientID(try context.parameters.require("client"))
        let asOf = try APIRoutes.day(request, default: environment.clock.today)
        let result = try await environment.ledger(viewer) { try await $0.explanation(id, client: client, asOf: asOf) }
        let model = ExplanationModel(result, contract: id, asOf: asOf)
        return HTMLReply.response(environment.pages.render("explanation", model, title: "Why \(client) is paid", viewer: viewer, csrf: context.csrf))
    }
}
