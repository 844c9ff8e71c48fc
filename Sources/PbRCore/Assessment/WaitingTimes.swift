/// How long clients wait, by provider and band: from an episode's referral to the assessment, from the
/// assessment to the start, and from the referral to the start (docs/outcome-rules.md, "Waiting times").
/// Pure: the histories as of a day in, the figures out.
public struct WaitingTimes: Sendable, Equatable {
    /// Whole days, each figure over the episodes that have both ends of that wait.
    public struct Spread: Sendable, Equatable {
        public var count: Int
        /// Nearest-rank: the smallest wait that at least half (nine tenths) of the waits do not exceed.
        public var median: Int?
        public var p90: Int?

        public init(_ days: [Int]) {
            let sorted = days.sorted()
            count = sorted.count
            median = Self.nearestRank(sorted, percent: 50)
            p90 = Self.nearestRank(sorted, percent: 90)
        }

        static func nearestRank(_ sorted: [Int], percent: Int) -> Int? {
            guard !sorted.isEmpty else { return nil }
            let rank = (sorted.count * percent + 99) / 100  // ceil(n × p / 100), at least 1
            return sorted[max(rank, 1) - 1]
        }
    }

    public struct Row: Sendable, Equatable {
        public var providerID: ProviderID
        /// The band in force on the start (not started: on the assessment); nil without an assessment.
        public var band: Band?
        /// Episodes referred; of them, started.
        public var referred: Int
        public var started: Int
        public var referralToAssessment: Spread
        public var assessmentToStart: Spread
        public var referralToStart: Spread
    }

    public var rows: [Row]

    /// One episode's waits.
    struct Waits {
        var providerID: ProviderID
        var band: Band?
        var started: Bool
        var toAssessment: Int?
        var assessmentToStart: Int?
        var toStart: Int?
    }

    /// - Parameter histories: as of the day the figures are for (`ClientHistory.asOf`).
    public init(_ histories: [ClientHistory]) {
        let waits = histories.flatMap(Self.waits)
        let groups = Dictionary(grouping: waits) { GroupKey(provider: $0.providerID, band: $0.band?.value ?? 0) }
        rows = groups.keys.sorted().map { key in
            let group = groups[key]!
            return Row(providerID: key.provider, band: Band(key.band), referred: group.count, started: group.filter(\.started).count,
                       referralToAssessment: Spread(group.compactMap(\.toAssessment)),
                       assessmentToStart: Spread(group.compactMap(\.assessmentToStart)),
                       referralToStart: Spread(group.compactMap(\.toStart)))
        }
    }

    struct GroupKey: Hashable, Comparable {
        var provider: ProviderID
        var band: Int
        static func < (a: GroupKey, b: GroupKey) -> Bool { a.provider != b.provider ? a.provider < b.provider : a.band < b.band }
    }

    /// Every episode with a referral day: its assessment is the client's first on or after the referral
    /// (and on or before the start, if it started); the wait from assessment to start is from the
    /// assessment in force on the start day (the band the engine prices it at), which may predate the referral.
    static func waits(_ history: ClientHistory) -> [Waits] {
        let assessments = history.assessments.sorted { $0.assessedOn != $1.assessedOn ? $0.assessedOn < $1.assessedOn : $0.recordID < $1.recordID }
        return history.episodes.compactMap { episode -> Waits? in
            guard let referral = episode.referralOn else { return nil }
            let after = assessments.first { assessment in
                assessment.assessedOn >= referral && episode.startOn.map { assessment.assessedOn <= $0 } ?? true
            }
            let inForce = episode.startOn.flatMap { start in assessments.last { $0.assessedOn <= start } }
            return Waits(providerID: episode.providerID, band: inForce?.band ?? after?.band, started: episode.startOn != nil,
                         toAssessment: after.map { referral.days(to: $0.assessedOn) },
                         assessmentToStart: both(inForce, episode.startOn).map { pair in pair.0.assessedOn.days(to: pair.1) },
                         toStart: episode.startOn.map { referral.days(to: $0) })
        }
    }
}

private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
