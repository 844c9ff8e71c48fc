import HTTPTypes
import Hummingbird
import PbRCore
import PbRService
import PbRStore

/// Clients, journeys and entitlements: the JSON API and the pages (a contract's clients, a client's
/// journey as a timeline). Each handler asks `LedgerReader`, which decides what the viewer may see.
enum ClientRoutes {
    static var all: [Route] {
        [
            Route(method: .get, path: "/api/v1/contracts/:contract/clients",
                  summary: "The contract's clients the caller may see (client ids only), with providers, band today and what was paid",
                  kind: .api, access: .signedIn, roles: APIRoutes.readers, query: APIPage<APIClientSummary>.queries,
                  responses: [(200, "a page of clients")], returns: .of(APIPage<APIClientSummary>.self)) { request, context, environment in
                let id = try context.parameters.require("contract"), today = environment.clock.today
                let clients = try await environment.ledger(try context.signedIn()) { try await $0.clients(id, bandOn: today) }
                return JSONReply.response(try APIPage.of(clients.map(APIClientSummary.init), request))
            },
            Route(method: .get, path: "/api/v1/contracts/:contract/clients/:client/journey",
                  summary: "A client's journey with its evidence: episodes, TOPs, offences, assessments, events, outcomes reached, entitlements and payments",
                  kind: .api, access: .signedIn, roles: APIRoutes.readers,
                  query: [Route.Query(name: "as_of", description: "YYYY-MM-DD (default: today)")],
                  responses: [(200, "the journey")], returns: .of(APIJourney.self)) { request, context, environment in
                let (id, client) = try clientKey(context)
                let asOf = try APIRoutes.day(request, default: environment.clock.today)
                let journey = try await environment.ledger(try context.signedIn()) { try await $0.journey(id, client: client, asOf: asOf) }
                return JSONReply.response(APIJourney(journey))
            },
            Route(method: .get, path: "/api/v1/contracts/:contract/clients/:client/entitlements",
                  summary: "What the contract owes for a client as of a day, by outcome and part (payable, pending, capped)",
                  kind: .api, access: .signedIn, roles: APIRoutes.readers,
                  query: [Route.Query(name: "as_of", description: "YYYY-MM-DD (default: today)")],
                  responses: [(200, "the client's entitlements")], returns: .of(EntitlementsBody.self)) { request, context, environment in
                let (id, client) = try clientKey(context)
                let asOf = try APIRoutes.day(request, default: environment.clock.today)
                let lines = try await environment.ledger(try context.signedIn()) { try await $0.entitlements(id, client: client, asOf: asOf) }
                return JSONReply.response(EntitlementsBody(contract: id, client: client.rawValue, asOf: asOf.description,
                                                           entitlements: lines.map(APIEntitlement.init)))
            },
            Route(method: .get, path: "/api/v1/contracts/:contract/entitlements",
                  summary: "The contract's entitlements as the issued statements settled them, by payee, client, outcome and part (not a fresh run)",
                  kind: .api, access: .signedIn, roles: APIRoutes.readers, query: APIPage<APIIssuedEntitlement>.queries,
                  responses: [(200, "a page of settled entitlements")], returns: .of(APIPage<APIIssuedEntitlement>.self)) { request, context, environment in
                let id = try context.parameters.require("contract")
                let settled = try await environment.ledger(try context.signedIn()) { try await $0.issuedEntitlements(id) }
                return JSONReply.response(try APIPage.of(settled.map(APIIssuedEntitlement.init), request))
            },
            Route(method: .get, path: "/contracts/:contract/clients", summary: "The contract's clients the viewer may see, a page at a time",
                  kind: .page, access: .signedIn, roles: APIRoutes.readers, query: APIPage<APIClientSummary>.queries,
                  responses: [(200, "the clients")]) { request, context, environment in
                let viewer = try context.signedIn(), id = try context.parameters.require("contract"), today = environment.clock.today
                let (page, perPage) = try APIPage<APIClientSummary>.bounds(request)
                let clients = try await environment.ledger(viewer) { try await $0.clients(id, bandOn: today) }
                let model = ClientsModel(contract: id, clients: clients, page: page, perPage: perPage)
                return HTMLReply.response(environment.pages.render("clients", model, title: "Clients of \(id)", viewer: viewer, csrf: context.csrf))
            },
            Route(method: .get, path: "/contracts/:contract/clients/:client",
                  summary: "A client's journey as a timeline (episodes, TOPs, offences, assessments, outcomes, payments) with its tables; printable",
                  kind: .page, access: .signedIn, roles: APIRoutes.readers,
                  query: [Route.Query(name: "as_of", description: "YYYY-MM-DD (default: today)")],
                  responses: [(200, "the journey")]) { request, context, environment in
                let viewer = try context.signedIn(), (id, client) = try clientKey(context)
                let asOf = try APIRoutes.day(request, default: environment.clock.today)
                let journey = try await environment.ledger(viewer) { try await $0.journey(id, client: client, asOf: asOf) }
                var model = JourneyModel(journey)
                // The client's own voice beside the journey, for those who may read it (audited there).
                do { model.add(try await environment.voice(viewer) { try await $0.voice(client) }) } catch is AccessRefusal {}
                return HTMLReply.response(environment.pages.render("journey", model, title: "Client \(client)", viewer: viewer, csrf: context.csrf))
            },
        ]
    }

    struct EntitlementsBody: Codable {
        var contract: String
        var client: String
        var asOf: String
        var entitlements: [APIEntitlement]
    }

    static func clientKey(_ context: WebContext) throws -> (String, ClientID) {
        (try context.parameters.require("contract"), ClientID(try context.parameters.require("client")))
    }
}
