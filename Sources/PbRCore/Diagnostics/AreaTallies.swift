/// What the diagnostics count, month by month, for each provider and for the whole area (provider
/// nil): one pass over the journal, with the clients behind every count kept for the alerts.
public struct AreaTallies: Sendable {
    public enum Measure: String, Sendable, CaseIterable {
        /// Episodes started.
        case starts
        /// Episodes ended in a successful completion.
        case completions
        /// Of those (by the month they ended), the ones with no new episode within 6 months; a month
        /// counts only once its 6 months have passed by the run's day.
        case completionsWithoutRepresentation
        /// Episodes ended `declined_treatment`.
        case declined
        /// Of the episodes started (trials), those of clients in band 4 or 5 on the start day.
        case startsInBands4And5
        /// Of the clients in treatment for more than 6 months at a month's end (trials), those with no
        /// review in the last 6 months.
        case parked
        /// Of the reviews (trials), those reporting 0 days of every presenting substance.
        case abstinentReviews
        /// Of the drug tests (trials), the negative ones.
        case negativeTests
        /// Deaths in treatment or within a year of discharge, attributed to the last provider; also by the
        /// band in force that day.
        case deaths
        /// Clients in treatment, or within a year of discharge, at the month's end (or its first day): those
        /// deaths are counted among; also by band.
        case atRisk
        /// Of the reviews within a week either side of the minimum gap after the review before (trials),
        /// those on or after it.
        case reviewsJustPastGap
        /// Of the re-presentations within 28 days either side of the end of a completion's window
        /// (trials), those after it.
        case representationsJustAfterWindow

        /// A share of trials; else a count, whose tallies hold no trials.
        public var isProportion: Bool {
            switch self {
            case .starts, .completions, .declined, .deaths, .atRisk: false
            default: true
            }
        }
    }

    public struct Key: Hashable, Sendable {
        public var measure: Measure
        public var provider: ProviderID?
        public var band: Band?
        public init(_ measure: Measure, provider: ProviderID? = nil, band: Band? = nil) {
            self.measure = measure; self.provider = provider; self.band = band
        }
    }

    public struct Tally: Sendable {
        public var count = 0
        public var trials = 0
        /// The clients counted in `count`, or for a measure of falls, those in `trials`.
        public var clients: [ClientID] = []
    }

    public private(set) var months: [Key: [StatementPeriod: Tally]] = [:]
    public let first: StatementPeriod
    public let last: StatementPeriod

    public func tally(_ key: Key, _ month: StatementPeriod) -> Tally { months[key]?[month] ?? Tally() }

    /// The keys of a measure: the area's first, then each provider's (and band's) in order.
    public func keys(_ measure: Measure) -> [Key] {
        months.keys.filter { $0.measure == measure }.sorted {
            ($0.provider?.rawValue ?? "", $0.band?.value ?? 0) < ($1.provider?.rawValue ?? "", $1.band?.value ?? 0)
        }
    }

    /// Counts the months `first` through `last` of every history, as known on `asOf`.
    /// - Parameters:
    ///   - minGap: the contract's minimum gap between two reviews (28 days in the reference framework).
    ///   - windowMonths: the completion window (12 months), whose end re-presentations are watched around.
    public init(_ histories: [ClientHistory], first: StatementPeriod, last: StatementPeriod, asOf: Day,
                minGap: Int = 28, windowMonths: Int = 12) {
        self.first = first
        self.last = last
        for full in histories {
            let history = full.asOf(asOf)
            count(history, asOf: asOf, minGap: minGap, windowMonths: windowMonths)
        }
    }

    private var range: ClosedRange<Day> { first.firstDay...last.lastDay }

    private mutating func add(_ measure: Measure, _ provider: ProviderID, band: Band? = nil, on day: Day,
                              counted: Bool, trial: Bool = true, client: ClientID, clientIfTrial: Bool = false) {
        guard range.contains(day) else { return }
        let month = StatementPeriod(containing: day)
        let keep = measure != .atRisk && (counted || clientIfTrial)
        for who in [nil, provider] {
            // In place: a copy of the tally out of the dictionary would copy its clients on every append.
            let key = Key(measure, provider: who, band: band)
            if counted { months[key, default: [:]][month, default: Tally()].count += 1 }
            if trial, measure.isProportion { months[key, default: [:]][month, default: Tally()].trials += 1 }
            if keep { months[key, default: [:]][month, default: Tally()].clients.append(client) }
        }
    }

    private mutating func count(_ history: ClientHistory, asOf: Day, minGap: Int, windowMonths: Int) {
        let client = history.clientID
        let episodes = history.episodes.filter { $0.startOn != nil }.sorted { $0.startOn! < $1.startOn! }
        for (index, episode) in episodes.enumerated() {
            let start = episode.startOn!
            add(.starts, episode.providerID, on: start, counted: true, client: client)
            let complex = (ClientEvaluator.band(on: start, in: history.assessments)?.value ?? 0) >= 4
            add(.startsInBands4And5, episode.providerID, on: start, counted: complex, client: client)
            guard let end = episode.endOn, let reason = episode.dischargeReason else { continue }
            if reason == .declinedTreatment { add(.declined, episode.providerID, on: end, counted: true, client: client) }
            guard reason.isSuccessfulCompletion else { continue }
            add(.completions, episode.providerID, on: end, counted: true, client: client)
            let next = episodes[(index + 1)...].first { $0.startOn! > end }?.startOn
            if end.adding(months: 6) <= asOf {
                let stayed = next.map { $0 > end.adding(months: 6) } ?? true
                add(.completionsWithoutRepresentation, episode.providerID, on: end, counted: stayed, client: client, clientIfTrial: true)
            }
            if let next {
                let offset = end.adding(months: windowMonths).days(to: next)
                if (-27...28).contains(offset) {
                    add(.representationsJustAfterWindow, episode.providerID, on: next, counted: offset > 0, client: client)
                }
            }
        }
        countReviews(history, minGap: minGap)
        countTreatmentMonths(history, episodes, asOf: asOf)
    }

    private mutating func countReviews(_ history: ClientHistory, minGap: Int) {
        let client = history.clientID
        let byEpisode = Dictionary(grouping: history.tops.filter { $0.stage == .review || $0.stage == .exit }, by: \.episodeID)
        for episode in history.episodes {
            let reviews = (byEpisode[episode.recordID] ?? []).sorted { ($0.on, $0.recordID.rawValue) < ($1.on, $1.recordID.rawValue) }
            for (earlier, later) in zip(reviews, reviews.dropFirst()) {
                let gap = earlier.on.days(to: later.on)
                if (minGap - 7..<minGap + 7).contains(gap) {
                    add(.reviewsJustPastGap, episode.providerID, on: later.on, counted: gap >= minGap, client: client)
                }
            }
            for review in reviews where review.stage == .review {
                let abstinent = !episode.substances.isEmpty && episode.substances.allSatisfy { review.values[$0.topField] == 0 }
                add(.abstinentReviews, episode.providerID, on: review.on, counted: abstinent, client: client)
            }
        }
        for event in history.events where event.kind == .drugTestPositive || event.kind == .drugTestNegative {
            guard let provider = provider(of: history, on: event.on) else { continue }
            add(.negativeTests, provider, on: event.on, counted: event.kind == .drugTestNegative, client: client)
        }
    }

    /// Parking, and deaths among those at risk: month by month, the provider the client is with.
    private mutating func countTreatmentMonths(_ history: ClientHistory, _ episodes: [Episode], asOf: Day) {
        let client = history.clientID
        let diedOn = ClientEvaluator.deathDay(history)
        if let diedOn, let provider = provider(of: history, on: diedOn, withinAYear: true) {
            add(.deaths, provider, on: diedOn, counted: true, client: client)
            if let band = ClientEvaluator.band(on: diedOn, in: history.assessments) {
                add(.deaths, provider, band: band, on: diedOn, counted: true, client: client)
            }
        }
        var month = first
        while month <= last, month.firstDay <= asOf {
            let end = min(month.lastDay, asOf)
            if let diedOn, diedOn < month.firstDay { break }
            if let provider = provider(of: history, on: end, withinAYear: true) ?? provider(of: history, on: month.firstDay, withinAYear: true) {
                add(.atRisk, provider, on: end, counted: true, client: client)
                if let band = ClientEvaluator.band(on: end, in: history.assessments) {
                    add(.atRisk, provider, band: band, on: end, counted: true, client: client)
                }
            }
            for episode in episodes where episode.startOn! <= end.adding(months: -6) && (episode.endOn.map { $0 > end } ?? true) {
                let reviewed = history.tops.contains {
                    $0.episodeID == episode.recordID && ($0.stage == .review || $0.stage == .exit) && $0.on > end.adding(months: -6) && $0.on <= end
                }
                add(.parked, episode.providerID, on: end, counted: !reviewed, client: client)
            }
            month = month.next
        }
    }

    /// The provider the client is in treatment with on `day` (the latest start), or with `withinAYear`
    /// the provider of the last episode that ended in the year before it.
    private func provider(of history: ClientHistory, on day: Day, withinAYear: Bool = false) -> ProviderID? {
        let started = history.episodes.filter { $0.startOn.map { $0 <= day } ?? false }
        if let open = started.filter({ $0.endOn.map { $0 >= day } ?? true }).max(by: { $0.startOn! < $1.startOn! }) {
            return open.providerID
        }
        guard withinAYear else { return nil }
        return started.filter { $0.endOn.map { $0.adding(months: 12) >= day } ?? false }.max { $0.endOn! < $1.endOn! }?.providerID
    }
}
