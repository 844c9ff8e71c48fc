import PbRCore
import PbRService

/// What the explanation page shows: why a client is paid what it is under a contract, as of a day — the
/// same facts as `pbr explain` and the API's explanation, for a person to read beside a statement line.
struct ExplanationModel {
    struct Journey { var start: String; var end: String; var endReason: String; var providers: String; var presenting: String }
    struct Assessment { var assessedOn: String; var band: Int; var reason: String; var record: String }
    struct Verdict { var verdict: String; var why: String }
    struct Part { var number: Int; var dueOn: String; var state: String }
    struct Owed { var part: Int; var amount: String; var status: String; var paidTo: String; var earnedBy: String; var reason: String }
    struct Issued { var statement: String; var link: String; var line: Int; var kind: String; var amount: String; var reason: String }
    struct Outcome {
        var outcome: String; var summary: String; var achievedOn: String?; var band: String?; var price: String?; var version: String?
        var verdicts: [Verdict]; var parts: [Part]; var owed: [Owed]; var issued: [Issued]
        // Mustache shows a heading only on a flag, not on a list's emptiness; and it reads stored properties only.
        var hasVerdicts = false, hasParts = false, hasOwed = false, hasIssued = false

        init(outcome: String, summary: String, achievedOn: String?, band: String?, price: String?, version: String?, verdicts: [Verdict],
             parts: [Part], owed: [Owed], issued: [Issued]) {
            self.outcome = outcome; self.summary = summary; self.achievedOn = achievedOn; self.band = band; self.price = price
            self.version = version; self.verdicts = verdicts; self.parts = parts; self.owed = owed; self.issued = issued
            hasVerdicts = !verdicts.isEmpty; hasParts = !parts.isEmpty; hasOwed = !owed.isEmpty; hasIssued = !issued.isEmpty
        }
    }

    var contract: String
    var client: String
    var asOf: String
    var lastImport: Int
    var journeys: [Journey]
    var assessments: [Assessment]
    var outcomes: [Outcome]

    init(_ result: ClientExplanation.Result, contract: String, asOf: Day) {
        self.contract = contract; client = result.history.clientID.rawValue; self.asOf = asOf.description; lastImport = result.lastImportID
        journeys = result.journeys.map { journey in
            Journey(start: journey.start.description, end: journey.end?.description ?? "open", endReason: journey.endReason?.rawValue ?? "",
                    providers: journey.episodes.map(\.providerID.rawValue).joined(separator: ", "),
                    presenting: journey.presenting.map(\.rawValue).joined(separator: ", "))
        }
        assessments = result.history.assessments.sorted { $0.assessedOn < $1.assessedOn }.map { assessment in
            Assessment(assessedOn: assessment.assessedOn.description, band: assessment.band.value,
                       reason: assessment.reason?.rawValue ?? "", record: assessment.recordID.description)
        }
        outcomes = result.outcomes.map { outcome in
            let trace = outcome.trace
            return Outcome(
                outcome: trace.outcomeID.rawValue, summary: trace.summary, achievedOn: trace.achievedOn?.description,
                band: trace.band.map { String($0.value) }, price: outcome.price?.sterling,
                version: outcome.version.map(String.init),
                verdicts: trace.journeys.map { Verdict(verdict: $0.verdict, why: $0.why) },
                parts: trace.parts.map { Part(number: $0.number, dueOn: $0.dueOn.description, state: $0.state) },
                owed: outcome.lines.map { line in
                    Owed(part: line.part, amount: line.amount.sterling, status: line.status.rawValue, paidTo: line.providerID.rawValue,
                         earnedBy: line.earnedBy.rawValue, reason: line.reason)
                },
                issued: outcome.issued.map { line in
                    Issued(statement: line.statementID,
                           link: "/contracts/\(PathText.escape(contract))/statements/\(line.period)/\(PathText.escape(line.providerID.rawValue))",
                           line: line.line, kind: line.kind.rawValue, amount: line.amount.sterling, reason: line.reason)
                })
        }
    }

    /// The explanation page's address for a client, as of the last day of a statement's month.
    static func link(contract: String, client: String, period: StatementPeriod) -> String {
        "/contracts/\(PathText.escape(contract))/clients/\(PathText.escape(client))/explanation?as_of=\(period.lastDay)"
    }
}
