/// The columns of each extract file and the one place that turns a row's fields into a record and back.
/// The importer validates with it and the store keeps records in the same canonical fields.
public enum RecordSchema {
    /// Every column of a file, in the canonical order (`deleted` is optional and not listed).
    public static func columns(_ kind: RecordKind) -> [String] {
        switch kind {
        case .clients: ["client_id", "sex", "birth_year"]
        case .assessments: ["record_id", "client_id", "assessed_on", "band", "assessor", "reason"]
        case .episodes: ["record_id", "client_id", "provider_id", "referral_on", "start_on", "end_on",
                         "discharge_reason"] + substanceColumns + ["referral_source"]
        case .top: ["record_id", "client_id", "episode_id", "on", "stage"] + TopField.allCases.map(\.rawValue)
        case .offences: ["record_id", "client_id", "offence_on", "proven_on", "trigger", "category"]
        case .events: ["record_id", "client_id", "on", "kind", "detail"]
        case .claims: ["record_id", "client_id", "programme", "outcome", "achieved_on"]
        }
    }

    /// An episode's substance columns, in order: the given ones close up (`Episode.substances`).
    public static let substanceColumns = ["substance_1", "substance_2", "substance_3"]

    /// The key column: `client_id` for clients, `record_id` for the rest.
    public static func keyColumn(_ kind: RecordKind) -> String { kind == .clients ? "client_id" : "record_id" }

    /// Reads a record from a row; the reader collects each field's defect. Returns `nil` when any field
    /// is bad. Row-to-row checks (unknown client, end before start...) are the importer's.
    public static func parse(_ kind: RecordKind, _ row: inout FieldReader) -> Record? {
        let before = row.issues.count
        let record: Record?
        switch kind {
        case .clients: record = parseClient(&row)
        case .assessments: record = parseAssessment(&row)
        case .episodes: record = parseEpisode(&row)
        case .top: record = parseTop(&row)
        case .offences: record = parseOffence(&row)
        case .events: record = parseEvent(&row)
        case .claims: record = parseClaim(&row)
        }
        return row.issues.count == before ? record : nil
    }

    /// The record's fields in canonical column order, as an extract would write them.
    public static func fields(_ record: Record) -> [String] {
        switch record {
        case .client(let r): [r.id.rawValue, r.sex?.rawValue ?? "", r.birthYear.map(String.init) ?? ""]
        case .assessment(let r):
            [r.recordID.rawValue, r.clientID.rawValue, r.assessedOn.description, r.band.description, r.assessor,
             r.reason?.rawValue ?? ""]
        case .episode(let r):
            [r.recordID.rawValue, r.clientID.rawValue, r.providerID.rawValue, text(r.referralOn), text(r.startOn),
             text(r.endOn), r.dischargeReason?.rawValue ?? ""]
                + (0..<3).map { $0 < r.substances.count ? r.substances[$0].rawValue : "" }
                + [r.referralSource?.rawValue ?? ""]
        case .top(let r):
            [r.recordID.rawValue, r.clientID.rawValue, r.episodeID.rawValue, r.on.description, r.stage.rawValue]
                + TopField.allCases.map { field in
                    guard let value = r.values[field] else { return "" }
                    return field.scale == .flag ? (value == 1 ? "Y" : "N") : String(value)
                }
        case .offence(let r):
            [r.recordID.rawValue, r.clientID.rawValue, r.offenceOn.description, text(r.provenOn),
             r.trigger.map { $0 ? "Y" : "N" } ?? "", r.category]
        case .event(let r): [r.recordID.rawValue, r.clientID.rawValue, r.on.description, r.kind.rawValue, r.detail]
        case .claim(let r): [r.recordID.rawValue, r.clientID.rawValue, r.programme, r.outcome, r.achievedOn.description]
        }
    }

    private static func text(_ day: Day?) -> String { day?.description ?? "" }

    private static func parseClient(_ row: inout FieldReader) -> Record? {
        let id = row.required("client_id")
        let sex = row.code("sex", Sex.self)
        let birthYear = row.integer("birth_year", in: Client.birthYears)
        guard let id else { return nil }
        return .client(Client(id: ClientID(id), sex: sex, birthYear: birthYear))
    }

    private static func parseAssessment(_ row: inout FieldReader) -> Record? {
        let id = row.required("record_id"), client = row.required("client_id")
        let on = row.day("assessed_on", required: true)
        let band = row.integer("band", in: Band.range, required: true)
        let assessor = row.identifier("assessor"), reason = row.code("reason", AssessmentReason.self)
        guard let id, let client, let on, let band else { return nil }
        return .assessment(Assessment(recordID: RecordID(id), clientID: ClientID(client), assessedOn: on,
                                      band: Band(band)!, assessor: assessor, reason: reason))
    }

    private static func parseEpisode(_ row: inout FieldReader) -> Record? {
        let id = row.required("record_id"), client = row.required("client_id"), provider = row.required("provider_id")
        let referral = row.day("referral_on"), start = row.day("start_on"), end = row.day("end_on")
        let reason = row.code("discharge_reason", DischargeReason.self)
        let substances = substanceColumns.compactMap { row.code($0, Substance.self) }
        let source = row.code("referral_source", ReferralSource.self)
        if let start, let end, end < start { row.fail("end_on", "ends \(end) before it starts \(start)") }
        guard let id, let client, let provider else { return nil }
        return .episode(Episode(recordID: RecordID(id), clientID: ClientID(client), providerID: ProviderID(provider),
                                referralOn: referral, startOn: start, endOn: end, dischargeReason: reason,
                                substances: substances, referralSource: source))
    }

    private static func parseTop(_ row: inout FieldReader) -> Record? {
        let id = row.required("record_id"), client = row.required("client_id"), episode = row.required("episode_id")
        let on = row.day("on", required: true)
        let stage = row.code("stage", TopStage.self, required: true)
        var values = TopValues()
        for field in TopField.allCases {
            if field.scale == .flag {
                values[field] = row.flag(field.rawValue).map { $0 ? 1 : 0 }
            } else {
                let range = field.validRange
                values[field] = row.integer(field.rawValue, in: Int(range.lowerBound)...Int(range.upperBound)).map(Int32.init)
            }
        }
        guard let id, let client, let episode, let on, let stage else { return nil }
        return .top(TopReview(recordID: RecordID(id), clientID: ClientID(client), episodeID: RecordID(episode),
                              on: on, stage: stage, values: values))
    }

    private static func parseOffence(_ row: inout FieldReader) -> Record? {
        let id = row.required("record_id"), client = row.required("client_id")
        let on = row.day("offence_on", required: true), proven = row.day("proven_on")
        let trigger = row.flag("trigger")
        guard let id, let client, let on else { return nil }
        return .offence(Offence(recordID: RecordID(id), clientID: ClientID(client), offenceOn: on, provenOn: proven,
                                trigger: trigger, category: row.text("category")))
    }

    private static func parseEvent(_ row: inout FieldReader) -> Record? {
        let id = row.required("record_id"), client = row.required("client_id")
        let on = row.day("on", required: true)
        let kind = row.code("kind", EventKind.self, required: true)
        guard let id, let client, let on, let kind else { return nil }
        return .event(Event(recordID: RecordID(id), clientID: ClientID(client), on: on, kind: kind,
                            detail: row.text("detail")))
    }

    private static func parseClaim(_ row: inout FieldReader) -> Record? {
        let id = row.required("record_id"), client = row.required("client_id")
        let programme = row.required("programme"), outcome = row.required("outcome")
        let on = row.day("achieved_on", required: true)
        guard let id, let client, let programme, let outcome, let on else { return nil }
        return .claim(Claim(recordID: RecordID(id), clientID: ClientID(client), programme: programme, outcome: outcome,
                            achievedOn: on))
    }
}
