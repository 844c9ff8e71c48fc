import Hummingbird
import PbRCore
import PbRService

/// The JSON API of independent assessment (LASAR) and the service user's voice: each route a
/// description and a thin handler over `AssessmentDesk` or `ServiceUserVoice`.
enum AssessmentRoutes {
    static let everyone = ["admin", "commissioner", "provider", "assessor", "auditor"]
    static let voiceReaders = ["admin", "commissioner", "provider", "auditor"]

    static var all: [Route] {
        [
            Route(method: .get, path: "/api/v1/assessments",
                  summary: "Assessments, by client then day, with their flags (a provider: its referrals' and its clients'; a commissioner: its contracts')",
                  kind: .api, access: .signedIn, roles: everyone, query: APIPage<APIAssessment>.queries,
                  responses: [(200, "a page of assessments")], returns: .of(APIPage<APIAssessment>.self)) { request, context, environment in
                let rows = try await environment.assessments(try context.signedIn()) { try await $0.list() }
                return JSONReply.response(try APIPage.of(rows.map { APIAssessment($0) }, request))
            },
            Route(method: .post, path: "/api/v1/assessments",
                  summary: "Records an assessment, scored by the contract's banding rules; a recorded band that disagrees is flagged, not replaced (assessors and admins)",
                  kind: .api, access: .signedIn, roles: ["admin", "assessor"],
                  body: .json([("contract", "string", true), ("client", "string", true), ("assessed_on", "string", true),
                               ("factors", "array", true), ("band", "integer", true), ("referred_to", "string", false),
                               ("reason", "string", true), ("why", "string", false)]),
                  responses: [(201, "the assessment recorded, with its score, computed band and flag")],
                  returns: .of(APIAssessment.self)) { request, context, environment in
                let viewer = try context.signedIn()
                let body = try await APIRoutes.decode(NewAssessment.self, request, context)
                let draft = try body.draft()
                let details = try await environment.assessments(viewer) { try await $0.record(draft, contract: body.contract) }
                return JSONReply.response(APIAssessment(details), status: .created)
            },
            Route(method: .get, path: "/api/v1/assessments/waiting-times",
                  summary: "Days from referral to assessment to treatment start, by provider and band: counts, median and 90th percentile",
                  kind: .api, access: .signedIn, roles: everyone,
                  query: [Route.Query(name: "as_of", description: "YYYY-MM-DD (default: today)")],
                  responses: [(200, "the waiting times")], returns: .of(APIWaitingTimes.self)) { request, context, environment in
                let asOf = try APIRoutes.day(request, default: environment.clock.today)
                let times = try await environment.assessments(try context.signedIn()) { try await $0.waitingTimes(asOf: asOf) }
                return JSONReply.response(APIWaitingTimes(asOf: asOf.description, rows: times.rows.map(APIWaitingRow.init)))
            },
            Route(method: .get, path: "/api/v1/assessments/assessed-twice",
                  summary: "Clients assessed twice or more before their treatment started (or never started)",
                  kind: .api, access: .signedIn, roles: everyone, query: APIPage<APIAssessedTwice>.queries,
                  responses: [(200, "a page of flagged clients")], returns: .of(APIPage<APIAssessedTwice>.self)) { request, context, environment in
                let flags = try await environment.assessments(try context.signedIn()) { try await $0.assessedTwice() }
                return JSONReply.response(try APIPage.of(flags.map(APIAssessedTwice.init), request))
            },
            Route(method: .get, path: "/api/v1/clients/:client/voice",
                  summary: "A client's personal goals (agreed, achieved) and feedback (a provider: its own clients)",
                  kind: .api, access: .signedIn, roles: voiceReaders, responses: [(200, "the goals and feedback")], returns: .of(APIVoice.self)) { _, context, environment in
                let client = ClientID(try context.parameters.require("client"))
                let voice = try await environment.voice(try context.signedIn()) { try await $0.voice(client) }
                return JSONReply.response(APIVoice(voice))
            },
            Route(method: .post, path: "/api/v1/clients/:client/goals",
                  summary: "Records a personal goal agreed or achieved, as an event in the journal (the client's provider)",
                  kind: .api, access: .signedIn, roles: ["admin", "provider"],
                  body: .json([("on", "string", true), ("kind", "string", true), ("detail", "string", true)]),
                  responses: [(201, "the goal recorded")], returns: .of(APIGoal.self)) { request, context, environment in
                let viewer = try context.signedIn(), client = ClientID(try context.parameters.require("client"))
                let body = try await APIRoutes.decode(NewGoal.self, request, context)
                let on = try day(body.on)
                guard ["goal_agreed", "goal_achieved"].contains(body.kind) else { throw AccessRefusal.badRequest("kind is goal_agreed or goal_achieved") }
                let event = try await environment.voice(viewer) {
                    try await $0.recordGoal(client, on: on, achieved: body.kind == "goal_achieved", detail: body.detail)
                }
                return JSONReply.response(APIGoal(event), status: .created)
            },
            Route(method: .post, path: "/api/v1/clients/:client/feedback",
                  summary: "Records the client's feedback on the service (the client's provider)",
                  kind: .api, access: .signedIn, roles: ["admin", "provider"], body: .json([("on", "string", true), ("text", "string", true)]),
                  responses: [(201, "the feedback recorded")], returns: .of(APIFeedback.self)) { request, context, environment in
                let viewer = try context.signedIn(), client = ClientID(try context.parameters.require("client"))
                let body = try await APIRoutes.decode(NewFeedback.self, request, context)
                let on = try day(body.on)
                let feedback = try await environment.voice(viewer) { try await $0.recordFeedback(client, on: on, text: body.text) }
                return JSONReply.response(APIFeedback(feedback), status: .created)
            },
        ]
    }

    static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw AccessRefusal.badRequest("'\(text)' is not a day (YYYY-MM-DD)") }
        return day
    }
}
