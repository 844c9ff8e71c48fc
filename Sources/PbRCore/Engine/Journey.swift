/// A client's linked episodes: one spell of treatment, possibly across providers.
public struct Journey: Sendable {
    /// In start order (ties: smaller record_id).
    public let episodes: [Episode]
    /// The first episode's start; for a contract that takes in clients already in treatment, the
    /// contract's start when the journey began before it (`clocksStarting(on:)`).
    public private(set) var start: Day
    /// The latest discharge; `nil` while any episode is open.
    public let end: Day?
    public let endReason: DischargeReason?
    /// The episode that gives the journey's end, or for an open journey its open episode with the
    /// latest start (ties: larger record_id).
    public let lastEpisode: Episode
    /// The earliest start (ties: smaller record_id): its substances and referral source describe the journey.
    public let firstEpisode: Episode

    /// Presenting substances, each once, in the order the first episode names them.
    public let presenting: [Substance]

    public var referralSource: ReferralSource? { firstEpisode.referralSource }

    public func contains(episode id: RecordID) -> Bool { episodes.contains { $0.recordID == id } }

    /// The journey as a contract that begins on `day` sees it: its clocks start on `day` if it began before.
    public func clocksStarting(on day: Day) -> Journey {
        var journey = self
        journey.start = max(start, day)
        return journey
    }

    init(episodes: [Episode]) {
        precondition(!episodes.isEmpty, "a journey has at least one episode")
        self.episodes = episodes
        firstEpisode = episodes[0]
        var presenting: [Substance] = []
        for substance in episodes[0].substances where !presenting.contains(substance) { presenting.append(substance) }
        self.presenting = presenting
        start = episodes[0].startOn!
        let open = episodes.filter { $0.endOn == nil }
        if open.isEmpty {
            let last = episodes.max { a, b in
                (a.endOn!, a.startOn!) != (b.endOn!, b.startOn!)
                    ? (a.endOn!, a.startOn!) < (b.endOn!, b.startOn!) : a.recordID < b.recordID
            }!
            lastEpisode = last
            end = last.endOn
            endReason = last.dischargeReason
        } else {
            lastEpisode = open.max { a, b in a.startOn! != b.startOn! ? a.startOn! < b.startOn! : a.recordID < b.recordID }!
            end = nil
            endReason = nil
        }
    }

    /// Links a client's started episodes into journeys: an episode whose start is at most `gapDays`
    /// after the latest end so far (or that starts while an episode is open) continues the journey.
    public static func link(_ episodes: [Episode], gapDays: Int) -> [Journey] {
        let started = episodes.filter { $0.startOn != nil }.sorted { a, b in
            a.startOn! != b.startOn! ? a.startOn! < b.startOn! : a.recordID < b.recordID
        }
        var journeys: [Journey] = []
        var current: [Episode] = []
        var latestEnd: Day? = nil
        var hasOpen = false
        for episode in started {
            let links = !current.isEmpty && (hasOpen || latestEnd!.days(to: episode.startOn!) <= gapDays)
            if !links, !current.isEmpty {
                journeys.append(Journey(episodes: current))
                current = []
                latestEnd = nil
                hasOpen = false
            }
            current.append(episode)
            if let end = episode.endOn {
                latestEnd = max(latestEnd ?? end, end)
            } else {
                hasOpen = true
            }
        }
        if !current.isEmpty { journeys.append(Journey(episodes: current)) }
        return journeys
    }
}
