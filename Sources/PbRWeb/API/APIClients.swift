import PbRCore
import PbRService
import PbRStore

/// The clients API's bodies: pseudonymous (client ids, never a name, sex or birth year), money in pence.
struct APIClientSummary: Codable {
    var client: String
    var providers: [String]
    var band: Int?
    var episodes: Int
    var lines: Int
    var paidPence: Int64

    init(_ summary: ClientSummary) {
        client = summary.clientID.rawValue; providers = summary.providers.map(\.rawValue); band = summary.band?.value
        episodes = summary.episodes; lines = summary.lines; paidPence = summary.paid.pence
    }
}

struct APIEntitlement: Codable {
    var payee: String
    var earnedBy: String
    var client: String
    var outcome: String
    var part: Int
    var band: Int
    var achievedOn: String
    var dueOn: String
    var amountPence: Int64
    var status: String
    var reason: String

    init(_ line: Entitlement) {
        payee = line.providerID.rawValue; earnedBy = line.earnedBy.rawValue; client = line.clientID.rawValue
        outcome = line.outcomeID.rawValue; part = line.part; band = line.band.value; achievedOn = line.achievedOn.description
        dueOn = line.dueOn.description; amountPence = line.amount.pence; status = line.status.rawValue; reason = line.reason
    }
}

struct APIIssuedEntitlement: Codable {
    var payee: String
    var earnedBy: String?
    var client: String
    var outcome: String
    var part: Int
    var band: Int?
    var achievedOn: String?
    var dueOn: String?
    var paidPence: Int64
    var lines: Int

    init(_ entry: IssuedEntitlement) {
        payee = entry.payee.rawValue; earnedBy = entry.earnedBy?.rawValue; client = entry.clientID.rawValue; outcome = entry.outcomeID.rawValue
        part = entry.part; band = entry.band?.value; achievedOn = entry.achievedOn?.description; dueOn = entry.dueOn?.description
        paidPence = entry.paid.pence; lines = entry.lines
    }
}

/// A client's journey with its evidence (`LedgerReader.journey`).
struct APIJourney: Codable {
    struct EpisodeBody: Codable {
        var record: String; var provider: String; var referralOn: String?; var startOn: String?; var endOn: String?
        var dischargeReason: String?; var substances: [String]; var referralSource: String?
    }
    struct TopBody: Codable {
        var record: String; var episode: String; var on: String; var stage: String
        /// The fields the framework's outcomes read for this journey (`scoresThatMattered`).
        var scores: [String: Int32]
        /// Every known value.
        var values: [String: Int32]
    }
    struct OffenceBody: Codable { var record: String; var offenceOn: String; var provenOn: String?; var trigger: Bool?; var category: String }
    struct AssessmentBody: Codable { var record: String; var assessedOn: String; var band: Int; var reason: String? }
    struct EventBody: Codable { var record: String; var on: String; var kind: String; var detail: String }
    struct JourneyBody: Codable { var start: String; var end: String?; var endReason: String?; var episodes: [String]; var presenting: [String] }
    struct ReachedBody: Codable { var outcome: String; var achievedOn: String; var band: Int?; var evidence: String?; var summary: String }

    var contract: String
    var client: String
    var asOf: String
    var lastImport: Int
    var episodes: [EpisodeBody]
    var journeys: [JourneyBody]
    var tops: [TopBody]
    var offences: [OffenceBody]
    var assessments: [AssessmentBody]
    var events: [EventBody]
    var outcomesReached: [ReachedBody]
    var entitlements: [APIEntitlement]
    var payments: [APILine]

    init(_ journey: ClientJourney) {
        let history = journey.history
        contract = journey.contractID; client = history.clientID.rawValue; asOf = journey.asOf.description; lastImport = journey.lastImportID
        episodes = history.episodes.sorted { ($0.startOn ?? $0.referralOn ?? journey.asOf, $0.recordID) < ($1.startOn ?? $1.referralOn ?? journey.asOf, $1.recordID) }
            .map { e in
                EpisodeBody(record: e.recordID.rawValue, provider: e.providerID.rawValue, referralOn: e.referralOn?.description,
                            startOn: e.startOn?.description, endOn: e.endOn?.description, dischargeReason: e.dischargeReason?.rawValue,
                            substances: e.substances.map(\.rawValue), referralSource: e.referralSource?.rawValue)
            }
        journeys = journey.journeys.map { j in
            JourneyBody(start: j.start.description, end: j.end?.description, endReason: j.endReason?.rawValue,
                        episodes: j.episodes.map(\.recordID.rawValue), presenting: j.presenting.map(\.rawValue))
        }
        tops = history.tops.sorted { ($0.on, $0.recordID) < ($1.on, $1.recordID) }.map { top in
            let all = TopField.allCases.compactMap { field in top.values[field].map { (field.rawValue, $0) } }
            return TopBody(record: top.recordID.rawValue, episode: top.episodeID.rawValue, on: top.on.description, stage: top.stage.rawValue,
                           scores: Dictionary(uniqueKeysWithValues: journey.scoresThatMattered(top).map { ($0.field.rawValue, $0.value) }),
                           values: Dictionary(uniqueKeysWithValues: all))
        }
        offences = history.offences.sorted { ($0.offenceOn, $0.recordID) < ($1.offenceOn, $1.recordID) }.map { o in
            OffenceBody(record: o.recordID.rawValue, offenceOn: o.offenceOn.description, provenOn: o.provenOn?.description,
                        trigger: o.trigger, category: o.category)
        }
        assessments = history.assessments.sorted { ($0.assessedOn, $0.recordID) < ($1.assessedOn, $1.recordID) }.map { a in
            AssessmentBody(record: a.recordID.rawValue, assessedOn: a.assessedOn.description, band: a.band.value, reason: a.reason?.rawValue)
        }
        events = history.events.sorted { ($0.on, $0.recordID) < ($1.on, $1.recordID) }.map { e in
            EventBody(record: e.recordID.rawValue, on: e.on.description, kind: e.kind.rawValue, detail: e.detail)
        }
        outcomesReached = journey.reached.map { trace in
            ReachedBody(outcome: trace.outcomeID.rawValue, achievedOn: trace.achievedOn!.description, band: trace.band?.value,
                        evidence: trace.evidence, summary: trace.summary)
        }
        entitlements = journey.entitlements.map(APIEntitlement.init)
        payments = journey.payments.map(APILine.init)
    }
}

struct APIImport: Codable {
    var id: Int
    var knownAt: String
    var source: String
    var digest: String
    var importedAt: String
    var importedBy: String
    var rowsImported: Int
    var rowsRejected: Int
    var warnings: [String]

    init(_ summary: ImportSummary) {
        id = summary.id; knownAt = summary.knownAt; source = summary.source; digest = summary.digest; importedAt = summary.importedAt
        importedBy = summary.importedBy; rowsImported = summary.rowsImported; rowsRejected = summary.rowsRejected; warnings = summary.warnings
    }
}

/// What `POST /api/v1/imports` answers: the receipt, or every defect with its file, line, column and reason.
struct APIUploadReport: Codable {
    struct Defect: Codable { var file: String; var line: Int; var column: String?; var reason: String }
    var code: String
    var message: String
    var importId: Int?
    var alreadyImported: Bool?
    var rowsImported: Int?
    var withdrawals: Int?
    var warnings: [String]
    var defects: [Defect]

    init(_ outcome: ExtractUpload.Outcome) {
        switch outcome {
        case .imported(let receipt):
            code = "imported"
            message = receipt.alreadyImported ? "this extract was imported before (import #\(receipt.importID)): nothing changed"
                : "imported as import #\(receipt.importID): \(receipt.rowsImported) rows"
            importId = receipt.importID; alreadyImported = receipt.alreadyImported; rowsImported = receipt.rowsImported
            withdrawals = receipt.withdrawals; warnings = receipt.warnings; defects = []
        case .refused(let issues), .forbidden(let issues):
            if case .forbidden = outcome {
                code = "forbidden"; message = "the extract holds records that are not the uploader's to send: nothing of it is in the store"
            } else {
                code = "extract_refused"
                message = "the extract was not imported (\(issues.count) defect\(issues.count == 1 ? "" : "s")): nothing of it is in the store"
            }
            warnings = []
            defects = issues.map { Defect(file: $0.file, line: $0.line, column: $0.column, reason: $0.reason) }
        }
    }

    var status: Int {
        switch code { case "imported": alreadyImported == true ? 200 : 201; case "forbidden": 403; default: 422 }
    }
}
