/// What a rule needs to judge one journey as of the run's day. Built once per journey and shared by
/// every rule (a class, so that handing it to ten rules does not copy its arrays ten times).
public final class JourneyContext: Sendable {
    public let asOf: Day
    public let journey: Journey
    public let history: ClientHistory
    /// The journey's TOPs: those whose episode belongs to it.
    public let tops: [TopReview]
    /// The earliest `start` TOP (ties: smaller record_id).
    public let baseline: TopReview?
    /// `review` and `exit` TOPs, in (day, record_id) order.
    public let reviews: [TopReview]
    /// The day the client died, from a `died` event or discharge, if known.
    public let diedOn: Day?

    init(journey: Journey, history: ClientHistory, asOf: Day, diedOn: Day?) {
        self.asOf = asOf
        self.journey = journey
        self.history = history
        self.diedOn = diedOn
        // A journey has a few episodes: a scan of them is cheaper than hashing every TOP's episode id.
        let ids = journey.episodes.map(\.recordID)
        // A client with one journey (most) has all its TOPs in it: then they are shared, not copied.
        tops = history.tops.allSatisfy { ids.contains($0.episodeID) } ? history.tops : history.tops.filter { ids.contains($0.episodeID) }
        baseline = tops.lazy.filter { $0.stage == .start }.min { a, b in a.on != b.on ? a.on < b.on : a.recordID < b.recordID }
        var reviews = tops.filter { $0.stage == .review || $0.stage == .exit }
        reviews.sort { a, b in a.on != b.on ? a.on < b.on : a.recordID < b.recordID }
        self.reviews = reviews
    }

    /// The last day events may count: the journey's end, or the run's day while it goes on.
    public var lastCountingDay: Day { journey.end ?? asOf }

    /// The provider of an episode, looked up among all the client's episodes.
    public func provider(ofEpisode id: RecordID) -> ProviderID? {
        history.episodes.first { $0.recordID == id }?.providerID
    }

    /// The provider with an open episode on `day` (latest start, then smaller record_id), else the
    /// provider of the journey's last episode.
    public func providerOpen(on day: Day) -> ProviderID {
        let open = history.episodes.filter { episode in
            guard let start = episode.startOn, start <= day else { return false }
            return episode.endOn.map { day <= $0 } ?? true
        }
        let chosen = open.min { a, b in a.startOn! != b.startOn! ? a.startOn! > b.startOn! : a.recordID < b.recordID }
        return chosen?.providerID ?? journey.lastEpisode.providerID
    }

    /// The first start of any of the client's episodes after the journey's end, in (after, upTo].
    public func representation(after end: Day, upTo day: Day) -> Day? {
        history.episodes.compactMap(\.startOn).filter { $0 > end && $0 <= day }.min()
    }
}
