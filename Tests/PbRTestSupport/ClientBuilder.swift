import PbRCore

/// Builds one client's history for a test, record by record, with readable dates and TOP answers.
public struct ClientBuilder {
    public var history: ClientHistory
    private var nextID = 1

    public init(_ id: String, sex: Sex = .male, birthYear: Int = 1980) {
        history = ClientHistory(clientID: ClientID(id))
        history.client = Client(id: ClientID(id), sex: sex, birthYear: birthYear)
    }

    private mutating func newID(_ given: String?) -> RecordID {
        defer { nextID += 1 }
        return RecordID(given ?? String(nextID))
    }

    public mutating func assess(_ on: String, band: Int, id: String? = nil) {
        history.assessments.append(Assessment(recordID: newID(id), clientID: history.clientID, assessedOn: day(on),
                                              band: Band(band)!, assessor: "LASAR", reason: .initial))
    }

    /// Adds an episode and returns its record id.
    @discardableResult
    public mutating func episode(_ provider: String, start: String?, end: String? = nil, reason: DischargeReason? = nil,
                                 substances: [Substance] = [.opiates], source: ReferralSource = .selfReferral,
                                 id: String? = nil) -> RecordID {
        let recordID = newID(id)
        history.episodes.append(Episode(
            recordID: recordID, clientID: history.clientID, providerID: ProviderID(provider),
            referralOn: start.map(day), startOn: start.map(day), endOn: end.map(day), dischargeReason: reason,
            substances: substances, referralSource: source))
        return recordID
    }

    /// Adds a TOP; fields not named are 0 (flags N, scores 10), as a clean interview would record.
    public mutating func top(_ episode: RecordID, _ on: String, _ stage: TopStage, _ answers: [TopField: Int32?] = [:],
                             id: String? = nil) {
        var values = TopValues()
        for field in TopField.allCases { values[field] = field.scale == .score ? 10 : 0 }
        for (field, value) in answers { values[field] = value }
        history.tops.append(TopReview(recordID: newID(id), clientID: history.clientID, episodeID: episode, on: day(on),
                                      stage: stage, values: values))
    }

    public mutating func offence(_ on: String, trigger: Bool = true, id: String? = nil) {
        history.offences.append(Offence(recordID: newID(id), clientID: history.clientID, offenceOn: day(on),
                                        provenOn: day(on).adding(days: 60), trigger: trigger, category: "shoplifting"))
    }

    public mutating func event(_ on: String, _ kind: EventKind, id: String? = nil) {
        history.events.append(Event(recordID: newID(id), clientID: history.clientID, on: day(on), kind: kind))
    }
}

/// A day from `YYYY-MM-DD`, for tests.
public func day(_ text: String) -> Day {
    guard let day = Day(iso: text) else { preconditionFailure("not a day: \(text)") }
    return day
}

extension Money {
    /// Pounds from text, for tests: `Money("325.00")`.
    public init(_ pounds: String) { self = Money(pounds: pounds)! }
}
