import PbRCore
import PbRService

/// `pbr explain` as JSON: the client's journeys, assessments and, for each outcome, the verdict on each
/// journey in the rule's words, the band and price, the parts, the run's lines and the issued lines.
struct APIExplanation: Codable {
    struct JourneyBody: Codable {
        var start: String
        var end: String?
        var endReason: String?
        var providers: [String]
        var presenting: [String]
    }

    struct AssessmentBody: Codable {
        var assessedOn: String
        var band: Int
        var reason: String?
        var record: String
    }

    struct Verdict: Codable { var verdict: String; var why: String }
    struct Part: Codable { var number: Int; var dueOn: String; var state: String }

    struct Owed: Codable {
        var part: Int
        var amountPence: Int64
        var status: String
        var paidTo: String
        var earnedBy: String
        var reason: String
    }

    struct OutcomeBody: Codable {
        var outcome: String
        var summary: String
        var journeys: [Verdict]
        var achievedOn: String?
        var band: Int?
        var pricePence: Int64?
        var contractVersion: Int?
        var parts: [Part]
        var owed: [Owed]
        var issued: [APILine]
    }

    var contract: String
    var client: String
    var asOf: String
    var lastImport: Int
    var journeys: [JourneyBody]
    var assessments: [AssessmentBody]
    var outcomes: [OutcomeBody]

    init(_ result: ClientExplanation.Result, contract: String, asOf: Day) {
        self.contract = contract; client = result.history.clientID.rawValue; self.asOf = asOf.description; lastImport = result.lastImportID
        journeys = result.journeys.map { journey in
            JourneyBody(start: journey.start.description, end: journey.end?.description, endReason: journey.endReason?.rawValue,
                        providers: journey.episodes.map(\.providerID.rawValue), presenting: journey.presenting.map(\.rawValue))
        }
        assessments = result.history.assessments.sorted { $0.assessedOn < $1.assessedOn }.map { assessment in
            AssessmentBody(assessedOn: assessment.assessedOn.description, band: assessment.band.value, reason: assessment.reason?.rawValue,
                           record: assessment.recordID.description)
        }
        outcomes = result.outcomes.map { outcome in
            let trace = outcome.trace
            return OutcomeBody(
                outcome: trace.outcomeID.rawValue, summary: trace.summary,
                journeys: trace.journeys.map { Verdict(verdict: $0.verdict, why: $0.why) },
                achievedOn: trace.achievedOn?.description, band: trace.band?.value, pricePence: outcome.price?.pence,
                contractVersion: outcome.version,
                parts: trace.parts.map { Part(number: $0.number, dueOn: $0.dueOn.description, state: $0.state) },
                owed: outcome.lines.map { line in
                    Owed(part: line.part, amountPence: line.amount.pence, status: line.status.rawValue, paidTo: line.providerID.rawValue,
                         earnedBy: line.earnedBy.rawValue, reason: line.reason)
                },
                issued: outcome.issued.map(APILine.init))
        }
    }
}
