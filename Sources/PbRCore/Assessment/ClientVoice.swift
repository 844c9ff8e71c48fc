/// The service user's voice in a journey: the personal goals agreed and achieved (events `goal_agreed`
/// and `goal_achieved`, from extracts or recorded on the web) and what the client said about the
/// service (free-text feedback, kept beside the journal).
public struct ClientVoice: Sendable, Equatable {
    public struct Feedback: Sendable, Equatable {
        public var on: Day
        public var text: String
        /// The provider whose user recorded it (nil: an admin).
        public var providerID: ProviderID?
        public var recordedBy: String
        public init(on: Day, text: String, providerID: ProviderID?, recordedBy: String) {
            self.on = on; self.text = text; self.providerID = providerID; self.recordedBy = recordedBy
        }
    }

    public var clientID: ClientID
    /// The goal events, by day then record id.
    public var goals: [Event]
    /// By day, in the order recorded.
    public var feedback: [Feedback]

    public init(clientID: ClientID, events: [Event], feedback: [Feedback]) {
        self.clientID = clientID
        goals = events.filter { $0.kind == .goalAgreed || $0.kind == .goalAchieved }
            .sorted { $0.on != $1.on ? $0.on < $1.on : $0.recordID < $1.recordID }
        self.feedback = feedback.enumerated().sorted { $0.element.on != $1.element.on ? $0.element.on < $1.element.on : $0.offset < $1.offset }
            .map(\.element)
    }

    /// Goals agreed, and of them achieved (by count of events).
    public var agreed: Int { goals.filter { $0.kind == .goalAgreed }.count }
    public var achieved: Int { goals.filter { $0.kind == .goalAchieved }.count }
}
