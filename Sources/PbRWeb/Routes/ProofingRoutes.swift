import Hummingbird
import PbRCore
import PbRService
import PbRStore

/// Framework proofing of a contract in the store (`pbr proof` with the shipped rates), computed on
/// request: it reads the contract's terms alone (`ContractProofing`).
enum ProofingRoutes {
    static let order = Route.Query(name: "order", description: "most (default) or expected: what ranks the profiles, least paid first")

    static var all: [Route] {
        [
            Route(method: .get, path: "/api/v1/contracts/:contract/proof",
                  summary: "Framework proofing: what a provider can earn from each client profile, at most and on the shipped rates",
                  kind: .api, access: .signedIn, roles: APIRoutes.readers, query: [order],
                  responses: [(200, "every profile, least paid first, and the proof as pbr proof prints it")],
                  returns: .of(APIProof.self)) { request, context, environment in
                let id = try context.parameters.require("contract"), order = try rank(request)
                let result = try await environment.proofing(try context.signedIn()) { try await $0.proof(id, order: order) }
                return JSONReply.response(APIProof(result))
            },
            Route(method: .get, path: "/proofing", summary: "Framework proofing of a contract: the profiles paid least, a chart and every profile",
                  kind: .page, access: .signedIn, roles: APIRoutes.readers,
                  query: [Route.Query(name: "contract", description: "the contract (default: the first the viewer may read)"), order],
                  responses: [(200, "the page")]) { request, context, environment in
                let viewer = try context.signedIn(), order = try rank(request)
                let asked = request.uri.queryParameters["contract"].map(String.init)
                let model = try await environment.pool.withStore { store -> ProofingModel in
                    let contracts = try await LedgerReader(store: store, viewer: viewer).contracts().map(\.id)
                    guard let id = asked ?? contracts.first else { return ProofingModel(contracts: contracts) }
                    let result = try await ContractProofing(store: store, viewer: viewer).proof(id, order: order)
                    return ProofingModel(contracts: contracts, id: id, result: result)
                }
                return HTMLReply.response(environment.pages.render("proofing", model, title: "Proofing", viewer: viewer, csrf: context.csrf))
            },
        ]
    }

    static func rank(_ request: Request) throws -> ProofRun.RankOrder {
        guard let text = request.uri.queryParameters["order"] else { return .most }
        guard let order = ProofRun.RankOrder(rawValue: String(text)) else { throw AccessRefusal.badRequest("order is most or expected") }
        return order
    }
}

/// A proof as JSON: the facts, each profile with its figures in pence, and the text `pbr proof` prints.
struct APIProof: Codable {
    struct Profile: Codable {
        var rank: Int
        var substances: [String]
        var offending: Bool
        var injecting: Bool
        var housingProblem: Bool
        var inWork: Bool
        var band: Int
        var mostPence: Int64
        var expectedPence: Int64
        var outcomes: [String]
    }

    var contract: String
    var journeysStart: String
    var asOf: String
    var rates: String
    var order: String
    var profiles: [Profile]
    var text: String

    init(_ result: FrameworkProof.Result) {
        contract = result.contract.id; journeysStart = result.start.description; asOf = result.asOf.description; rates = result.ratesSource
        order = result.order.rawValue; text = ProofText.render(result, show: 20)
        profiles = result.earnings.map { earning in
            let p = earning.profile
            return Profile(rank: earning.rank, substances: p.substances.map(\.rawValue), offending: p.offending, injecting: p.injecting,
                           housingProblem: p.housingProblem, inWork: p.inWork, band: p.band.value, mostPence: earning.most.pence,
                           expectedPence: earning.expected.pence, outcomes: earning.outcomes.map(\.id.rawValue))
        }
    }
}
