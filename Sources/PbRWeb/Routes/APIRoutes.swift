import HTTPTypes
import PbRStore
import Foundation
import Hummingbird
import PbRCore
import PbRService
import NIOCore

/// The JSON API, version 1: each route a description and a thin handler over a use case.
enum APIRoutes {
    static let readers = ["admin", "commissioner", "provider", "auditor"]

    static var all: [Route] {
        [
            Route(method: .get, path: "/api/v1/contracts", summary: "The contracts the caller may read, with their versions",
                  kind: .api, access: .signedIn, roles: readers, query: APIPage<APIContract>.queries,
                  responses: [(200, "a page of contracts")], returns: .of(APIPage<APIContract>.self)) { request, context, environment in
                let contracts = try await environment.ledger(try context.signedIn()) { try await $0.contracts() }
                return JSONReply.response(try APIPage.of(contracts.map { APIContract(id: $0.id, versions: $0.versions.map(APIContractVersion.init)) }, request))
            },
            Route(method: .get, path: "/api/v1/contracts/:contract", summary: "One contract and its versions (amendments)",
                  kind: .api, access: .signedIn, roles: readers, responses: [(200, "the contract")], returns: .of(APIContract.self)) { _, context, environment in
                let id = try context.parameters.require("contract")
                let versions = try await environment.ledger(try context.signedIn()) { try await $0.contract(id) }
                return JSONReply.response(APIContract(id: id, versions: versions.map(APIContractVersion.init)))
            },
            Route(method: .get, path: "/api/v1/providers", summary: "The providers in the journal (a provider: itself)",
                  kind: .api, access: .signedIn, roles: readers, query: APIPage<String>.queries,
                  responses: [(200, "a page of provider ids")], returns: .of(APIPage<String>.self)) { request, context, environment in
                let providers = try await environment.ledger(try context.signedIn()) { try await $0.providers() }
                return JSONReply.response(try APIPage.of(providers.map(\.rawValue), request))
            },
            Route(method: .get, path: "/api/v1/contracts/:contract/statements",
                  summary: "A contract's statements in the order issued (a provider: its own, and its share as a subcontractor)",
                  kind: .api, access: .signedIn, roles: readers, query: APIPage<APIStatement>.queries,
                  responses: [(200, "a page of statements")], returns: .of(APIPage<APIStatement>.self)) { request, context, environment in
                let id = try context.parameters.require("contract")
                let statements = try await environment.ledger(try context.signedIn()) { try await $0.statements(id) }
                return JSONReply.response(try APIPage.of(statements.map(APIStatement.init), request))
            },
            Route(method: .get, path: "/api/v1/contracts/:contract/statements/:period/:payee",
                  summary: "One payee's statement for a month (YYYY-MM), with every line the caller may see",
                  kind: .api, access: .signedIn, roles: readers, responses: [(200, "the statement and its lines")],
                  returns: .of(APIStatementWithLines.self)) { _, context, environment in
                let (id, period, payee) = try statementKey(context)
                let issued = try await environment.ledger(try context.signedIn()) { try await $0.statement(id, period: period, payee: payee) }
                return JSONReply.response(APIStatementWithLines(statements: issued.statements.map(APIStatement.init), lines: issued.lines.map(APILine.init)))
            },
            Route(method: .get, path: "/api/v1/contracts/:contract/clients/:client/explanation",
                  summary: "Why a client is paid what it is (pbr explain), as of a day",
                  kind: .api, access: .signedIn, roles: readers,
                  query: [Route.Query(name: "as_of", description: "YYYY-MM-DD (default: today)")],
                  responses: [(200, "the explanation")], returns: .of(APIExplanation.self)) { request, context, environment in
                let id = try context.parameters.require("contract"), client = ClientID(try context.parameters.require("client"))
                let asOf = try day(request, default: environment.clock.today)
                let result = try await environment.ledger(try context.signedIn()) { try await $0.explanation(id, client: client, asOf: asOf) }
                return JSONReply.response(APIExplanation(result, contract: id, asOf: asOf))
            },
            Route(method: .get, path: "/api/v1/contracts/:contract/payments",
                  summary: "Payments to date from the issued lines, by payee, outcome, band and month",
                  kind: .api, access: .signedIn, roles: readers, responses: [(200, "the sums")], returns: .of(APIPayments.self)) { _, context, environment in
                let id = try context.parameters.require("contract")
                let payments = try await environment.ledger(try context.signedIn()) { try await $0.payments(id) }
                return JSONReply.response(APIPayments(contract: id, payments))
            },
            Route(method: .get, path: "/api/v1/users", summary: "Every user (admins only)",
                  kind: .api, access: .signedIn, roles: ["admin"], query: APIPage<APIUser>.queries,
                  responses: [(200, "a page of users")], returns: .of(APIPage<APIUser>.self)) { request, context, environment in
                let viewer = try context.signedIn()
                let users = try await environment.accounts { try await $0.list(as: viewer) }
                return JSONReply.response(try APIPage.of(users.map(APIUser.init), request))
            },
            Route(method: .post, path: "/api/v1/users", summary: "Adds a user (admins only)",
                  kind: .api, access: .signedIn, roles: ["admin"],
                  body: .json([("name", "string", true), ("role", "string", true), ("provider", "string", false),
                               ("contracts", "array", false), ("password", "string", true)]),
                  responses: [(201, "the user added"), (409, "the name is taken")], returns: .of(APIUser.self)) { request, context, environment in
                let viewer = try context.signedIn()
                let body = try await decode(NewUser.self, request, context)
                guard let role = Role(rawValue: body.role) else {
                    throw AccessRefusal.badRequest("role is one of " + Role.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let user = try await environment.accounts {
                    try await $0.add(name: body.name, role: role, providerID: body.provider.map(ProviderID.init), contractIDs: body.contracts ?? [],
                                     password: body.password, as: viewer)
                }
                return JSONReply.response(APIUser(user), status: .created)
            },
            Route(method: .post, path: "/api/v1/users/:name/disable", summary: "Disables a user and ends its sessions and tokens (admins only)",
                  kind: .api, access: .signedIn, roles: ["admin"], responses: [(200, "the user disabled")], returns: .of(APIUser.self)) { _, context, environment in
                let viewer = try context.signedIn(), name = try context.parameters.require("name")
                let user = try await environment.accounts { accounts in
                    try await accounts.disable(name: name, as: viewer)
                    return try await accounts.list(as: viewer).first { $0.name == name }
                }
                guard let user else { throw AccessRefusal.notFound("no user '\(name)'") }
                return JSONReply.response(APIUser(user))
            },
            Route(method: .get, path: "/api/v1/audit", summary: "The audit log, oldest first (auditors and admins)",
                  kind: .api, access: .signedIn, roles: ["admin", "auditor"], query: APIPage<APIAuditEntry>.queries,
                  responses: [(200, "a page of entries")], returns: .of(APIPage<APIAuditEntry>.self)) { request, context, environment in
                let (page, perPage) = try APIPage<APIAuditEntry>.bounds(request)
                let (entries, total) = try await environment.ledger(try context.signedIn()) {
                    try await $0.audit(after: (page - 1) * perPage, limit: perPage)
                }
                return JSONReply.response(APIPage(items: entries.map(APIAuditEntry.init), page: page, perPage: perPage, total: total))
            },
        ]
    }

    struct NewUser: Decodable {
        var name: String
        var role: String
        var provider: String?
        var contracts: [String]?
        var password: String
    }

    static func statementKey(_ context: WebContext) throws -> (String, StatementPeriod, ProviderID) {
        let id = try context.parameters.require("contract")
        let text = try context.parameters.require("period")
        guard let period = StatementPeriod(text) else { throw AccessRefusal.badRequest("'\(text)' is not a month (YYYY-MM)") }
        return (id, period, ProviderID(try context.parameters.require("payee")))
    }

    static func day(_ request: Request, default today: Day) throws -> Day {
        guard let text = request.uri.queryParameters["as_of"] else { return today }
        guard let day = Day(iso: String(text)) else { throw AccessRefusal.badRequest("as_of '\(text)' is not a day (YYYY-MM-DD)") }
        return day
    }

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: WebContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(type, from: Data(buffer.readableBytesView)) } catch {
            throw AccessRefusal.badRequest("the body is not the JSON object this route takes (see /openapi.json)")
        }
    }
}

extension WebContext {
    /// The viewer, or a refusal asking to sign in.
    func signedIn() throws -> Viewer {
        guard let viewer else { throw AccessRefusal.unauthorised("sign in first: a session, or Authorization: Bearer TOKEN") }
        return viewer
    }
}
