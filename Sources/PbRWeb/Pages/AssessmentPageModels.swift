import PbRCore
import PbRService
import PbRStore

/// What the assessments page shows: the assessor's form, every assessment with its flags, the clients
/// assessed twice before treatment and the waiting times.
struct AssessmentsModel {
    struct Factor { var id: String; var points: Int; var description: String? }
    struct Range { var band: Int; var points: String }
    struct Choice { var id: String; var selected: Bool }
    struct Form {
        var contract: String
        var factors: [Factor]
        var ranges: [Range]
        var contracts: [Choice]
        var several: Bool
        var providers: [Choice]
        var today: String
        init(contract: String, rules: BandingRules, others: [String], providers: [String], today: Day) {
            self.contract = contract
            factors = rules.factors.map { Factor(id: $0.id, points: $0.points, description: $0.description.isEmpty ? nil : $0.description) }
            ranges = rules.ranges.map { Range(band: $0.band.value, points: $0.description) }
            contracts = others.map { Choice(id: $0, selected: $0 == contract) }
            several = others.count > 1
            self.providers = providers.map { Choice(id: $0, selected: false) }
            self.today = today.description
        }
    }
    struct Row {
        var recordID: String; var client: String; var assessedOn: String; var band: Int; var assessor: String; var reason: String
        var source: String; var factors: String; var score: String; var computed: String; var disagrees: Bool; var referredTo: String
        var why: String; var assessedTwice: Bool; var recorded: Bool
    }
    struct Twice { var client: String; var assessments: Int; var firstStart: String }
    struct Spread { var count: Int; var median: String; var p90: String }
    struct Waiting { var provider: String; var band: String; var referred: Int; var started: Int; var toAssessment: Spread; var toStart: Spread; var total: Spread }

    var form: Form?
    /// A page of every assessment (`perPage` a page); every flagged one and the one just recorded above it.
    var rows: [Row]
    var flaggedRows: [Row]
    var hasFlagged: Bool
    var flagged: Int
    var total: Int
    var shown: String
    var previous: String?
    var next: String?
    static let perPage = 200
    /// The first `perPage` clients assessed twice (the API lists them all), of `twiceTotal`.
    var twice: [Twice]
    var twiceTotal: Int
    var waiting: [Waiting]
    var asOf: String
    var recorded: String?
    var csrf: String

    init(rows: [AssessmentDesk.Row], page: Int, twice: [AssessedTwice], waiting: WaitingTimes, asOf: Day, form: Form?, providers: [ProviderID],
         recorded: String?, csrf: String) {
        self.csrf = csrf
        var form = form
        form?.providers = providers.map { Choice(id: $0.rawValue, selected: false) }
        self.form = form
        self.rows = rows.map { row in
            let a = row.assessment, d = row.details
            return Row(recordID: a.recordID.rawValue, client: a.clientID.rawValue, assessedOn: a.assessedOn.description, band: a.band.value,
                       assessor: a.assessor, reason: a.reason?.rawValue ?? "", source: d == nil ? "extract" : "web",
                       factors: d?.factors.joined(separator: ", ") ?? "", score: d.map { String($0.score) } ?? "",
                       computed: d.map { String($0.computedBand.value) } ?? "", disagrees: d?.disagrees ?? false,
                       referredTo: d?.referredTo?.rawValue ?? "", why: d?.why ?? "", assessedTwice: row.assessedTwice,
                       recorded: a.recordID.rawValue == recorded)
        }
        flaggedRows = self.rows.filter { $0.disagrees || $0.recorded }
        hasFlagged = !flaggedRows.isEmpty
        flagged = self.rows.filter(\.disagrees).count
        total = self.rows.count
        let start = min((page - 1) * Self.perPage, total), end = min(start + Self.perPage, total)
        shown = start < end ? "\(start + 1) to \(end)" : "none"
        previous = page > 1 ? "/assessments?page=\(page - 1)" : nil
        next = end < total ? "/assessments?page=\(page + 1)" : nil
        self.rows = Array(self.rows[start..<end])
        twiceTotal = twice.count
        self.twice = twice.prefix(Self.perPage).map { Twice(client: $0.clientID.rawValue, assessments: $0.assessments, firstStart: $0.firstStart?.description ?? "not started") }
        func spread(_ s: WaitingTimes.Spread) -> Spread {
            Spread(count: s.count, median: s.median.map(String.init) ?? "–", p90: s.p90.map(String.init) ?? "–")
        }
        self.waiting = waiting.rows.map { row in
            Waiting(provider: row.providerID.rawValue, band: row.band.map { String($0.value) } ?? "none", referred: row.referred,
                    started: row.started, toAssessment: spread(row.referralToAssessment), toStart: spread(row.assessmentToStart),
                    total: spread(row.referralToStart))
        }
        self.asOf = asOf.description
        self.recorded = recorded
    }
}

/// What a client's goals and feedback page shows.
struct VoiceModel {
    struct Goal { var on: String; var kind: String; var detail: String; var recordID: String }
    struct Said { var on: String; var text: String; var by: String }

    var client: String
    var agreed: Int
    var achieved: Int
    var goals: [Goal]
    var feedback: [Said]
    var records: Bool
    var today: String
    var csrf: String

    init(_ voice: ClientVoice, records: Bool, today: Day, csrf: String) {
        self.csrf = csrf
        client = voice.clientID.rawValue; agreed = voice.agreed; achieved = voice.achieved
        goals = voice.goals.map { Goal(on: $0.on.description, kind: $0.kind == .goalAchieved ? "achieved" : "agreed", detail: $0.detail,
                                       recordID: $0.recordID.rawValue) }
        feedback = voice.feedback.map { Said(on: $0.on.description, text: $0.text, by: $0.recordedBy + ($0.providerID.map { " (\($0))" } ?? "")) }
        self.records = records
        self.today = today.description
    }
}
