import Hummingbird
import PbRCore
import PbRService
import PbRStore

/// The pages of independent assessment and the service user's voice: the assessments with their flags,
/// waiting times and the assessor's form; a client's goals and feedback with the provider's form. Forms
/// carry the session's CSRF token.
enum AssessmentPages {
    static var all: [Route] {
        [
            Route(method: .get, path: "/assessments",
                  summary: "Assessments with their flags, clients assessed twice before treatment, waiting times; the assessor's form",
                  kind: .page, access: .signedIn, roles: AssessmentRoutes.everyone,
                  query: [Route.Query(name: "contract", description: "whose banding rules the form scores by (default: the first with some)"),
                          Route.Query(name: "recorded", description: "the record id just recorded, to say so")],
                  responses: [(200, "the assessments")], handler: list),
            Route(method: .post, path: "/assessments", summary: "Records an assessment from the form (assessors and admins)",
                  kind: .page, access: .signedIn, roles: ["admin", "assessor"],
                  body: .form(["csrf", "contract", "client", "assessed_on", "factor", "band", "referred_to", "reason", "why"]),
                  responses: [(303, "recorded: back to the assessments")], handler: record),
            Route(method: .get, path: "/clients/:client/voice", summary: "A client's personal goals and feedback; the provider's form",
                  kind: .page, access: .signedIn, roles: AssessmentRoutes.voiceReaders, responses: [(200, "the goals and feedback")],
                  handler: voice),
            Route(method: .post, path: "/clients/:client/voice", summary: "Records a goal agreed or achieved, or feedback (the client's provider)",
                  kind: .page, access: .signedIn, roles: ["admin", "provider"], body: .form(["csrf", "what", "on", "text"]),
                  responses: [(303, "recorded: back to the client's page")], handler: recordVoice),
        ]
    }

    static func list(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let asked = request.uri.queryParameters["contract"].map(String.init)
        let recorded = request.uri.queryParameters["recorded"].map(String.init)
        let today = environment.clock.today, csrf = context.csrf ?? ""
        let (page, _) = try APIPage<String>.bounds(request)
        let model = try await environment.assessments(viewer) { desk in
            let contracts = try await desk.recordingContracts()
            let chosen = contracts.first { $0.id == asked } ?? contracts.first
            return AssessmentsModel(rows: try await desk.list(), page: page, twice: try await desk.assessedTwice(),
                                    waiting: try await desk.waitingTimes(asOf: today), asOf: today,
                                    form: chosen.map { AssessmentsModel.Form(contract: $0.id, rules: $0.rules, others: contracts.map(\.id),
                                                                               providers: [], today: today) },
                                    providers: try await desk.referralProviders(), recorded: recorded, csrf: csrf)
        }
        return HTMLReply.response(environment.pages.render("assessments", model, title: "Assessments", viewer: viewer, csrf: context.csrf))
    }

    static func record(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let form = try await FormFields.read(request)
        try checkCSRF(form, context)
        let referral = form["referred_to"] ?? ""
        let body = NewAssessment(contract: form["contract"] ?? "", client: form["client"] ?? "", assessedOn: form["assessed_on"] ?? "",
                                 factors: form.all("factor"), band: Int(form["band"] ?? "") ?? 0, referredTo: referral.isEmpty ? nil : referral,
                                 reason: form["reason"] ?? "", why: form["why"])
        let draft = try body.draft()
        let details = try await environment.assessments(viewer) { try await $0.record(draft, contract: body.contract) }
        return HTMLReply.redirect("/assessments?contract=\(PathText.escape(body.contract))&recorded=\(PathText.escape(details.recordID.rawValue))")
    }

    static func voice(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let client = ClientID(try context.parameters.require("client"))
        let voice = try await environment.voice(viewer) { try await $0.voice(client) }
        let model = VoiceModel(voice, records: viewer.role == .provider || viewer.role == .admin, today: environment.clock.today,
                               csrf: context.csrf ?? "")
        return HTMLReply.response(environment.pages.render("voice", model, title: "Client \(client): goals and feedback", viewer: viewer,
                                                           csrf: context.csrf))
    }

    static func recordVoice(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let client = ClientID(try context.parameters.require("client"))
        let form = try await FormFields.read(request)
        try checkCSRF(form, context)
        let day = try AssessmentRoutes.day(form["on"] ?? "")
        let text = form["text"] ?? ""
        let what = form["what"] ?? ""
        switch what {
        case "goal_agreed", "goal_achieved":
            _ = try await environment.voice(viewer) { try await $0.recordGoal(client, on: day, achieved: what == "goal_achieved", detail: text) }
        case "feedback":
            _ = try await environment.voice(viewer) { try await $0.recordFeedback(client, on: day, text: text) }
        default:
            throw AccessRefusal.badRequest("what is goal_agreed, goal_achieved or feedback")
        }
        return HTMLReply.redirect("/clients/\(PathText.escape(client.rawValue))/voice")
    }

    static func checkCSRF(_ form: FormFields, _ context: WebContext) throws {
        guard let csrf = context.csrf, Secret.matches(form["csrf"] ?? "", csrf) else {
            throw AccessRefusal.forbidden("the form did not come from this session")
        }
    }
}
