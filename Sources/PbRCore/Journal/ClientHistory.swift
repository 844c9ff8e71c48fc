/// Everything the journal holds for one client, as a run sees it.
public struct ClientHistory: Sendable {
    public var clientID: ClientID
    public var client: Client?
    public var assessments: [Assessment] = []
    public var episodes: [Episode] = []
    public var tops: [TopReview] = []
    public var offences: [Offence] = []
    public var events: [Event] = []
    /// Outcomes other programmes have paid for (not read by the engine yet).
    public var claims: [Claim] = []

    public init(clientID: ClientID) { self.clientID = clientID }

    /// One client's history from its records (the first names the client).
    /// - Precondition: at least one record, every one of the same client.
    public init(records: [Record]) {
        self.init(clientID: records[0].clientID)
        records.forEach { add($0) }
    }

    public mutating func add(_ record: Record) {
        switch record {
        case .client(let r): client = r
        case .assessment(let r): assessments.append(r)
        case .episode(let r): episodes.append(r)
        case .top(let r): tops.append(r)
        case .offence(let r): offences.append(r)
        case .event(let r): events.append(r)
        case .claim(let r): claims.append(r)
        }
    }

    /// Only the facts dated on or before `asOf`: an episode that starts later has not started, one that
    /// ends later is still open; TOPs, offences, events, assessments and claims dated later are not yet facts.
    public func asOf(_ day: Day) -> ClientHistory {
        // Most runs look at a day after all the data: then nothing needs copying.
        if isAllOnOrBefore(day) { return self }
        var seen = self
        seen.assessments = assessments.filter { $0.assessedOn <= day }
        seen.episodes = episodes.compactMap { episode in
            var episode = episode
            if let referral = episode.referralOn, referral > day, episode.startOn.map({ $0 > day }) ?? true { return nil }
            if let start = episode.startOn, start > day { episode.startOn = nil }
            if let end = episode.endOn, end > day {
                episode.endOn = nil
                episode.dischargeReason = nil
            }
            return episode
        }
        seen.tops = tops.filter { $0.on <= day }
        seen.offences = offences.filter { $0.offenceOn <= day }
        seen.events = events.filter { $0.on <= day }
        seen.claims = claims.filter { $0.achievedOn <= day }
        return seen
    }

    private func isAllOnOrBefore(_ day: Day) -> Bool {
        assessments.allSatisfy { $0.assessedOn <= day } && tops.allSatisfy { $0.on <= day }
            && offences.allSatisfy { $0.offenceOn <= day } && events.allSatisfy { $0.on <= day }
            && claims.allSatisfy { $0.achievedOn <= day }
            && episodes.allSatisfy { ($0.referralOn ?? .init(ordinal: .min)) <= day && ($0.startOn ?? .init(ordinal: .min)) <= day
                && ($0.endOn ?? .init(ordinal: .min)) <= day }
    }
}
