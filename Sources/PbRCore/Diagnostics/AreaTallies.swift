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
        /// Of the re-presentations within 28 days either side of one of a completion's instalment days
        /// (its window's end the last of them) (trials), those after it.
        case representationsJustAfterWindow
        /// Of the starts that an assessment led to (trials: the first start on or after the client's
        /// latest assessment), those more than `longWaitDays` after it.
        case longWaits
        /// Of the assessments made while the client was not in treatment (trials), those with no start
        /// within `startWindowDays` days; by the month of the assessment and its band, for the area only
        /// (an assessment names no provider), and only once its window has passed by the run's day.
        case assessedNotStarted
        /// Clients in treatment on the month's first day, by the band in force that day (only by band):
        /// the caseload whose band mix the completions are expected from.
        case inTreatment
        /// Of the discharges (other than by death) within 28 days either side of the day the episode's
        /// next review fell due (trials), those before it: a client discharged so that the review never
        /// comes.
        case dischargesJustBeforeReview

        var number: Int { Self.allCases.firstIndex(of: self)! }

        /// Its name in the JSON, in snake case: `starts_in_bands_4_and_5`, `discharges_just_before_review`.
        public var id: String {
            var words = ""
            for character in rawValue {
                let digit = character.isNumber, previousDigit = words.last?.isNumber ?? false
                if !words.isEmpty, character.isUppercase || (digit != previousDigit) { words += "_" }
                words += character.lowercased()
            }
            return words
        }

        /// A share of trials; else a count, whose tallies hold no trials.
        public var isProportion: Bool {
            switch self {
            case .starts, .completions, .declined, .deaths, .atRisk, .inTreatment: false
            default: true
            }
        }
    }

    /// A wait from assessment to start longer than three weeks is long: NDTMS's waiting-time measure.
    public static let longWaitDays = 21
    /// An assessed client with no start within 28 days has not started: a week past a long wait, and a
    /// month is judged 4 weeks after its end, so that a harm from the contract's start shows within a quarter.
    public static let startWindowDays = 28

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

    /// Each key's tallies, one a month from `first` to `last`, in `slots`; counting finds a key's slot by
    /// a number made of its measure, band and provider (hashing the provider's id once, not four times).
    private var slots: [[Tally]] = []
    private var slotKeys: [Key] = []
    private var slotByNumber: [Int: Int] = [:]
    private var providerNumbers: [ProviderID: Int] = [:]
    private var slotByKey: [Key: Int] = [:]
    public let first: StatementPeriod
    public let last: StatementPeriod
    private var monthCount: Int { first.months(to: last) + 1 }

    public func tally(_ key: Key, _ month: StatementPeriod) -> Tally {
        let index = first.months(to: month)
        guard let slot = slotByKey[key], slots[slot].indices.contains(index) else { return Tally() }
        return slots[slot][index]
    }

    private mutating func slot(_ measure: Measure, provider: Int, _ id: ProviderID?, band: Band?) -> Int {
        let number = (measure.number * 8 + (band?.value ?? 0)) * 1_000_000 + provider
        if let slot = slotByNumber[number] { return slot }
        let key = Key(measure, provider: id, band: band)
        slotByNumber[number] = slots.count
        slotByKey[key] = slots.count
        slotKeys.append(key)
        slots.append(Array(repeating: Tally(), count: monthCount))
        return slots.count - 1
    }

    /// The keys of a measure: the area's first, then each provider's (and band's) in order.
    public func keys(_ measure: Measure) -> [Key] {
        slotKeys.filter { $0.measure == measure }.sorted {
            ($0.provider?.rawValue ?? "", $0.band?.value ?? 0) < ($1.provider?.rawValue ?? "", $1.band?.value ?? 0)
        }
    }

    /// Counts the months `first` through `last` of every history, as known on `asOf`.
    /// - Parameters:
    ///   - minGap: the contract's minimum gap between two reviews (28 days in the reference framework).
    ///   - instalmentMonths: a completion's instalment days, in months after it (3, 6, 9 and 12; the
    ///     last ends its window), around which re-presentations are watched.
    ///   - reviewsDueEvery: how long after an episode's last TOP its next review falls due, around which
    ///     discharges are watched.
    public init(_ histories: [ClientHistory], first: StatementPeriod, last: StatementPeriod, asOf: Day,
                minGap: Int = 28, instalmentMonths: [Int] = [12], reviewsDueEvery: Period = .months(6)) {
        // Each core counts its share of the clients; the shares are then added up.
        let cores = histories.count < 1_000 ? 1 : 2
        let shares = concurrentMap(cores) { core in
            var share = AreaTallies(first: first, last: last)
            for index in stride(from: core, to: histories.count, by: cores) {
                share.count(histories[index].asOf(asOf), asOf: asOf, minGap: minGap, instalmentMonths: instalmentMonths, reviewsDueEvery: reviewsDueEvery)
            }
            return share
        }
        self = shares[0]
        for share in shares.dropFirst() { merge(share) }
    }

    private init(first: StatementPeriod, last: StatementPeriod) {
        self.first = first
        self.last = last
    }

    private mutating func merge(_ other: AreaTallies) {
        for (key, theirs) in zip(other.slotKeys, other.slots) {
            let provider = key.provider.map { number(of: $0) } ?? 0
            let mine = slot(key.measure, provider: provider, key.provider, band: key.band)
            for index in theirs.indices {
                slots[mine][index].count += theirs[index].count
                slots[mine][index].trials += theirs[index].trials
                slots[mine][index].clients += theirs[index].clients
            }
        }
    }

    /// The provider's number among those seen (from 1; 0 is the area).
    private mutating func number(of provider: ProviderID) -> Int {
        if let number = providerNumbers[provider] { return number }
        providerNumbers[provider] = providerNumbers.count + 1
        return providerNumbers.count
    }

    private var range: ClosedRange<Day> { first.firstDay...last.lastDay }

    /// Counts one for the area and, unless `provider` is nil, for the provider.
    mutating func add(_ measure: Measure, _ provider: ProviderID?, band: Band? = nil, on day: Day,
                              counted: Bool, trial: Bool = true, client: ClientID, clientIfTrial: Bool = false) {
        guard range.contains(day) else { return }
        let index = first.months(to: StatementPeriod(containing: day))
        // The caseloads count every client every month: no alert lists them.
        let keep = measure != .atRisk && measure != .inTreatment && (counted || clientIfTrial)
        let area = slot(measure, provider: 0, nil, band: band)
        let own = provider.map { slot(measure, provider: number(of: $0), $0, band: band) }
        for slot in own.map({ [area, $0] }) ?? [area] {
            // In place: a copy of the tally out of the array would copy its clients on every append.
            if counted { slots[slot][index].count += 1 }
            if trial, measure.isProportion { slots[slot][index].trials += 1 }
            if keep { slots[slot][index].clients.append(client) }
        }
    }

    private mutating func count(_ history: ClientHistory, asOf: Day, minGap: Int, instalmentMonths: [Int], reviewsDueEvery: Period) {
        let client = history.clientID
        let episodes = history.episodes.filter { $0.startOn != nil }.sorted { $0.startOn! < $1.startOn! }
        for (index, episode) in episodes.enumerated() {
            let start = episode.startOn!
            add(.starts, episode.providerID, on: start, counted: true, client: client)
            let complex = (ClientEvaluator.band(on: start, in: history.assessments)?.value ?? 0) >= 4
            add(.startsInBands4And5, episode.providerID, on: start, counted: complex, client: client)
            guard let end = episode.endOn, let reason = episode.dischargeReason else { continue }
            if reason != .died { countDischarge(history, episode, on: end, reviewsDueEvery: reviewsDueEvery) }
            if reason == .declinedTreatment { add(.declined, episode.providerID, on: end, counted: true, client: client) }
            guard reason.isSuccessfulCompletion else { continue }
            add(.completions, episode.providerID, on: end, counted: true, client: client)
            if let band = ClientEvaluator.band(on: end, in: history.assessments) {
                add(.completions, episode.providerID, band: band, on: end, counted: true, client: client)
            }
            let next = episodes[(index + 1)...].first { $0.startOn! > end }?.startOn
            if end.adding(months: 6) <= asOf {
                let stayed = next.map { $0 > end.adding(months: 6) } ?? true
                add(.completionsWithoutRepresentation, episode.providerID, on: end, counted: stayed, client: client, clientIfTrial: true)
            }
            // Near an instalment day: 28 days either side of it (the days are 3 months apart or more).
            if let next, let offset = instalmentMonths.lazy.map({ end.adding(months: $0).days(to: next) }).first(where: { (-27...28).contains($0) }) {
                add(.representationsJustAfterWindow, episode.providerID, on: next, counted: offset > 0, client: client)
            }
        }
        countReviews(history, minGap: minGap)
        countTreatmentMonths(history, episodes, asOf: asOf)
        countAssessments(history, episodes, asOf: asOf)
    }

    /// A discharge near the day the episode's next review fell due: its last start or review TOP on or
    /// before the discharge (or its start, if later) plus `reviewsDueEvery`; near is 28 days before it
    /// (counted) to 27 days after it.
    private mutating func countDischarge(_ history: ClientHistory, _ episode: Episode, on end: Day, reviewsDueEvery: Period) {
        var last = episode.startOn!
        for top in history.tops where top.episodeID == episode.recordID && (top.stage == .start || top.stage == .review) && top.on <= end {
            last = max(last, top.on)
        }
        let daysBeforeDue = end.days(to: reviewsDueEvery.after(last))
        guard (-27...28).contains(daysBeforeDue) else { return }
        add(.dischargesJustBeforeReview, episode.providerID, on: end, counted: daysBeforeDue > 0, client: history.clientID)
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
        // Only the months from the first start to a year after the last end can count.
        guard let firstStart = episodes.first?.startOn else { return }
        let spanEnd = episodes.contains { $0.endOn == nil } ? asOf : episodes.compactMap(\.endOn).max()!.adding(months: 12)
        let reviewDays = Dictionary(grouping: history.tops.filter { $0.stage == .review || $0.stage == .exit }, by: \.episodeID)
            .mapValues { $0.map(\.on) }
        var month = max(first, StatementPeriod(containing: firstStart))
        while month <= last, month.firstDay <= min(asOf, spanEnd) {
            let end = min(month.lastDay, asOf), sixMonthsBefore = end.adding(months: -6)
            if let diedOn, diedOn < month.firstDay { break }
            if let provider = provider(of: history, on: end, withinAYear: true) ?? provider(of: history, on: month.firstDay, withinAYear: true) {
                add(.atRisk, provider, on: end, counted: true, client: client)
                if let band = ClientEvaluator.band(on: end, in: history.assessments) {
                    add(.atRisk, provider, band: band, on: end, counted: true, client: client)
                }
            }
            if let provider = provider(of: history, on: month.firstDay), let band = ClientEvaluator.band(on: month.firstDay, in: history.assessments) {
                add(.inTreatment, provider, band: band, on: month.firstDay, counted: true, client: client)
            }
            for episode in episodes where episode.startOn! <= sixMonthsBefore && (episode.endOn.map { $0 > end } ?? true) {
                let reviewed = reviewDays[episode.recordID]?.contains { $0 > sixMonthsBefore && $0 <= end } ?? false
                add(.parked, episode.providerID, on: end, counted: !reviewed, client: client)
            }
            month = month.next
        }
    }

    /// The provider the client is in treatment with on `day` (the latest start), or with `withinAYear`
    /// the provider of the last episode that ended in the year before it.
    private func provider(of history: ClientHistory, on day: Day, withinAYear: Bool = false) -> ProviderID? {
        // A loop, not filters: this is asked for every client and month.
        var open: Episode?, ended: Episode?
        for episode in history.episodes {
            guard let start = episode.startOn, start <= day else { continue }
            if episode.endOn.map({ $0 >= day }) ?? true {
                if open.map({ start > $0.startOn! }) ?? true { open = episode }
            } else if withinAYear, let end = episode.endOn, end.adding(months: 12) >= day, ended.map({ end > $0.endOn! }) ?? true {
                ended = episode
            }
        }
        return (open ?? ended)?.providerID
    }
}
