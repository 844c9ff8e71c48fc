import PbRCore
import PbRService
import PbRStore

/// The API's bodies for independent assessment and the service user's voice.
struct APIAssessment: Codable {
    var recordId: String
    var client: String
    var assessedOn: String
    var band: Int
    var assessor: String
    var reason: String?
    /// Where it came from: `web` (recorded here, with the fields below) or `extract`.
    var source: String
    var contract: String?
    var factors: [String]?
    var score: Int?
    var computedBand: Int?
    /// True when the recorded band is not the band the score gives: flagged, never replaced.
    var disagrees: Bool
    var referredTo: String?
    var why: String?
    var assessedTwice: Bool

    init(_ row: AssessmentDesk.Row) {
        let a = row.assessment, d = row.details
        recordId = a.recordID.rawValue; client = a.clientID.rawValue; assessedOn = a.assessedOn.description; band = a.band.value
        assessor = a.assessor; reason = a.reason?.rawValue; source = d == nil ? "extract" : "web"
        contract = d?.contractID; factors = d?.factors; score = d?.score; computedBand = d?.computedBand.value
        disagrees = d?.disagrees ?? false; referredTo = d?.referredTo?.rawValue; why = d.map(\.why)
        assessedTwice = row.assessedTwice
    }

    init(_ d: StoredAssessmentDetails, assessedTwice: Bool = false) {
        self.init(AssessmentDesk.Row(
            assessment: Assessment(recordID: d.recordID, clientID: d.clientID, assessedOn: d.assessedOn, band: d.recordedBand,
                                   assessor: d.recordedBy, reason: d.reason), details: d, assessedTwice: assessedTwice))
    }
}

struct NewAssessment: Decodable {
    var contract: String
    var client: String
    var assessedOn: String
    var factors: [String]
    var band: Int
    var referredTo: String?
    var reason: String
    var why: String?

    func draft() throws -> AssessmentDraft {
        guard let day = Day(iso: assessedOn) else { throw AccessRefusal.badRequest("assessed_on '\(assessedOn)' is not a day (YYYY-MM-DD)") }
        guard let band = Band(band) else { throw AccessRefusal.badRequest("band is 1 to 5") }
        guard let reason = AssessmentReason(rawValue: reason) else { throw AccessRefusal.badRequest("reason is initial or reassessment") }
        let referral = referredTo.flatMap { $0.isEmpty ? nil : ProviderID($0) }
        return AssessmentDraft(clientID: ClientID(client), assessedOn: day, factors: factors, recordedBand: band, referredTo: referral,
                               reason: reason, why: why ?? "")
    }
}

struct APISpread: Codable {
    var count: Int
    var medianDays: Int?
    var p90Days: Int?
    init(_ spread: WaitingTimes.Spread) { count = spread.count; medianDays = spread.median; p90Days = spread.p90 }
}

struct APIWaitingRow: Codable {
    var provider: String
    var band: Int?
    var referred: Int
    var started: Int
    var referralToAssessment: APISpread
    var assessmentToStart: APISpread
    var referralToStart: APISpread

    init(_ row: WaitingTimes.Row) {
        provider = row.providerID.rawValue; band = row.band?.value; referred = row.referred; started = row.started
        referralToAssessment = APISpread(row.referralToAssessment); assessmentToStart = APISpread(row.assessmentToStart)
        referralToStart = APISpread(row.referralToStart)
    }
}

struct APIWaitingTimes: Codable {
    var asOf: String
    var rows: [APIWaitingRow]
}

struct APIAssessedTwice: Codable {
    var client: String
    var assessments: Int
    var firstStart: String?
    init(_ flag: AssessedTwice) { client = flag.clientID.rawValue; assessments = flag.assessments; firstStart = flag.firstStart?.description }
}

struct APIGoal: Codable {
    var recordId: String
    var on: String
    var kind: String
    var detail: String
    init(_ event: Event) { recordId = event.recordID.rawValue; on = event.on.description; kind = event.kind.rawValue; detail = event.detail }
}

struct APIFeedback: Codable {
    var on: String
    var text: String
    var provider: String?
    var recordedBy: String
    init(_ f: ClientVoice.Feedback) { on = f.on.description; text = f.text; provider = f.providerID?.rawValue; recordedBy = f.recordedBy }
}

struct APIVoice: Codable {
    var client: String
    var goalsAgreed: Int
    var goalsAchieved: Int
    var goals: [APIGoal]
    var feedback: [APIFeedback]
    init(_ voice: ClientVoice) {
        client = voice.clientID.rawValue; goalsAgreed = voice.agreed; goalsAchieved = voice.achieved
        goals = voice.goals.map(APIGoal.init); feedback = voice.feedback.map(APIFeedback.init)
    }
}

struct NewGoal: Decodable {
    var on: String
    var kind: String
    var detail: String
}

struct NewFeedback: Decodable {
    var on: String
    var text: String
}
