/// The seeds' warning that people are offered assessments instead of treatment: a client assessed two
/// or more times on or before the day their first episode starts, or assessed twice and never started.
public struct AssessedTwice: Sendable, Equatable {
    public var clientID: ClientID
    /// The assessments up to the first start (all of them when there is none).
    public var assessments: Int
    /// The first episode's start, if any.
    public var firstStart: Day?

    public init(clientID: ClientID, assessments: Int, firstStart: Day?) {
        self.clientID = clientID; self.assessments = assessments; self.firstStart = firstStart
    }

    /// The flag for one client's history (as of a day), or nil when it is not raised.
    public static func flag(_ history: ClientHistory) -> AssessedTwice? {
        let firstStart = history.episodes.compactMap(\.startOn).min()
        let before = history.assessments.filter { day in firstStart.map { day.assessedOn <= $0 } ?? true }.count
        guard before >= 2 else { return nil }
        return AssessedTwice(clientID: history.clientID, assessments: before, firstStart: firstStart)
    }
}
