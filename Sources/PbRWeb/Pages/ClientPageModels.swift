import PbRCore
import PbRService

/// What the clients template shows: one page of the contract's clients, each linked to its journey.
struct ClientsModel {
    struct Row { var client: String; var link: String; var providers: String; var band: String; var episodes: Int; var lines: Int; var paid: String }
    var contract: String
    var rows: [Row]
    var total: Int
    var page: Int
    var pages: Int
    var previous: String?
    var next: String?

    init(contract: String, clients: [ClientSummary], page: Int, perPage: Int) {
        self.contract = contract; total = clients.count; self.page = page
        pages = max(1, (clients.count + perPage - 1) / perPage)
        let start = min((page - 1) * perPage, clients.count)
        let base = "/contracts/\(PathText.escape(contract))/clients"
        rows = clients[start..<min(start + perPage, clients.count)].map { summary in
            Row(client: summary.clientID.rawValue, link: base + "/" + PathText.escape(summary.clientID.rawValue),
                providers: summary.providers.map(\.rawValue).joined(separator: ", "), band: summary.band?.description ?? "none",
                episodes: summary.episodes, lines: summary.lines, paid: summary.paid.sterling)
        }
        previous = page > 1 ? "\(base)?page=\(page - 1)&per_page=\(perPage)" : nil
        next = page < pages ? "\(base)?page=\(page + 1)&per_page=\(perPage)" : nil
    }
}

/// What the journey template shows: the timeline, then the same facts in tables.
struct JourneyModel {
    struct EpisodeRow { var record: String; var provider: String; var referral: String; var start: String; var end: String; var reason: String; var substances: String }
    struct TopRow { var on: String; var stage: String; var episode: String; var scores: String }
    struct DatedRow { var on: String; var what: String; var detail: String }
    struct ReachedRow { var outcome: String; var on: String; var band: String; var evidence: String }
    struct EntitlementRow { var outcome: String; var part: Int; var band: Int; var achieved: String; var due: String; var status: String; var amount: String; var earnedBy: String }
    struct PaymentRow { var statement: String; var link: String; var line: Int; var outcome: String; var part: String; var kind: String; var amount: String; var reason: String }

    var contract: String
    var client: String
    var asOf: String
    var lastImport: Int
    var chart: String
    var episodes: [EpisodeRow]
    var tops: [TopRow]
    var offences: [DatedRow]
    var assessments: [DatedRow]
    var events: [DatedRow]
    var reached: [ReachedRow]
    var entitlements: [EntitlementRow]
    var payments: [PaymentRow]
    var paid: String
    /// The service user's own voice: goals agreed and achieved, and feedback (nil: the viewer may not read it).
    var voice: VoiceRows?

    struct VoiceRows {
        var goals: [DatedRow]
        var feedback: [DatedRow]
        var link: String
        var summary: String
    }

    mutating func add(_ voice: ClientVoice) {
        self.voice = VoiceRows(
            goals: voice.goals.map { DatedRow(on: $0.on.description, what: $0.kind == .goalAchieved ? "achieved" : "agreed", detail: $0.detail) },
            feedback: voice.feedback.map { DatedRow(on: $0.on.description, what: $0.providerID?.rawValue ?? "admin", detail: $0.text) },
            link: "/clients/\(PathText.escape(client))/voice",
            summary: "\(voice.agreed) goal\(voice.agreed == 1 ? "" : "s") agreed, \(voice.achieved) achieved; "
                + "\(voice.feedback.count) piece\(voice.feedback.count == 1 ? "" : "s") of feedback")
    }

    init(_ journey: ClientJourney) {
        let history = journey.history
        contract = journey.contractID; client = history.clientID.rawValue; asOf = journey.asOf.description; lastImport = journey.lastImportID
        chart = JourneyTimeline.svg(journey)
        episodes = history.episodes.sorted { ($0.startOn ?? journey.asOf, $0.recordID) < ($1.startOn ?? journey.asOf, $1.recordID) }.map { e in
            EpisodeRow(record: e.recordID.rawValue, provider: e.providerID.rawValue, referral: e.referralOn?.description ?? "",
                       start: e.startOn?.description ?? "", end: e.endOn?.description ?? "open", reason: e.dischargeReason?.rawValue ?? "",
                       substances: e.substances.map(\.rawValue).joined(separator: ", "))
        }
        tops = history.tops.sorted { ($0.on, $0.recordID) < ($1.on, $1.recordID) }.map { top in
            TopRow(on: top.on.description, stage: top.stage.rawValue, episode: top.episodeID.rawValue,
                   scores: journey.scoresThatMattered(top).map { "\($0.field.rawValue) \($0.value)" }.joined(separator: ", "))
        }
        offences = history.offences.sorted { ($0.offenceOn, $0.recordID) < ($1.offenceOn, $1.recordID) }.map { o in
            DatedRow(on: o.offenceOn.description, what: o.category,
                     detail: "proven " + (o.provenOn?.description ?? "?") + (o.trigger == true ? ", trigger offence" : ""))
        }
        assessments = history.assessments.sorted { ($0.assessedOn, $0.recordID) < ($1.assessedOn, $1.recordID) }.map { a in
            DatedRow(on: a.assessedOn.description, what: "band \(a.band)", detail: [a.reason?.rawValue, a.assessor].compactMap { $0 }.joined(separator: ", "))
        }
        events = history.events.sorted { ($0.on, $0.recordID) < ($1.on, $1.recordID) }.map { e in
            DatedRow(on: e.on.description, what: e.kind.rawValue, detail: e.detail)
        }
        reached = journey.reached.map { trace in
            ReachedRow(outcome: trace.outcomeID.rawValue, on: trace.achievedOn!.description, band: trace.band?.description ?? "none",
                       evidence: trace.evidence ?? trace.summary)
        }
        entitlements = journey.entitlements.map { line in
            EntitlementRow(outcome: line.outcomeID.rawValue, part: line.part, band: line.band.value, achieved: line.achievedOn.description,
                           due: line.dueOn.description, status: line.status.rawValue, amount: line.amount.sterling, earnedBy: line.earnedBy.rawValue)
        }
        payments = journey.payments.map { line in
            PaymentRow(statement: line.statementID,
                       link: "/contracts/\(PathText.escape(journey.contractID))/statements/\(line.period)/\(PathText.escape(line.providerID.rawValue))",
                       line: line.line, outcome: line.outcomeID?.rawValue ?? line.component.rawValue, part: line.part.map(String.init) ?? "",
                       kind: line.kind.rawValue, amount: line.amount.sterling, reason: line.reason)
        }
        paid = journey.payments.reduce(Money.zero) { $0 + $1.amount }.sterling
    }
}
