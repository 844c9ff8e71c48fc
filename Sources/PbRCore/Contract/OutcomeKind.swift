/// The five rule kinds a contract builds its outcomes from (the exclusive group is the fifth, see
/// `ExclusiveGroup`). Each holds its parameters; each evaluates one journey.
public enum OutcomeKind: Sendable {
    case topSustained(TopSustained)
    case completion(Completion)
    case noOffending(NoOffending)
    case event(EventOutcome)

    public var name: String {
        switch self {
        case .topSustained: "top_sustained"
        case .completion: "completion"
        case .noOffending: "no_offending"
        case .event: "event"
        }
    }

    func evaluate(_ journey: JourneyContext) -> RuleOutcome {
        switch self {
        case .topSustained(let rule): rule.evaluate(journey)
        case .completion(let rule): rule.evaluate(journey)
        case .noOffending(let rule): rule.evaluate(journey)
        case .event(let rule): rule.evaluate(journey)
        }
    }
}

/// What a rule decided for one journey.
public enum RuleOutcome: Sendable {
    case notEligible(String)
    case notAchieved(String)
    /// The window is still open: nothing to write yet.
    case running(String)
    case achieved(Achievement)
}

/// An outcome reached, with the evidence that decided it and the parts it pays in.
public struct Achievement: Sendable {
    public var achievedOn: Day
    public var earnedBy: ProviderID
    public var evidence: String
    public var parts: [Part]

    public init(achievedOn: Day, earnedBy: ProviderID, evidence: String, parts: [Part]) {
        self.achievedOn = achievedOn; self.earnedBy = earnedBy; self.evidence = evidence; self.parts = parts
    }

    /// A single part paid in full on `dueOn`, earning on the achievement day.
    static func whole(on day: Day, by provider: ProviderID, evidence: String, dueOn: Day? = nil,
                      state: Part.State = .due) -> Achievement {
        Achievement(achievedOn: day, earnedBy: provider, evidence: evidence,
                    parts: [Part(number: 1, dueOn: dueOn ?? day, earnsOn: day, shareBasisPoints: 10_000, state: state)])
    }
}

/// One payable part of an achievement (an instalment, or the whole).
public struct Part: Sendable {
    public enum State: Sendable, Equatable {
        case due
        case waiting(String)
        case failed(String)
    }

    public var number: Int
    public var dueOn: Day
    /// The day the contract period is tested on: the instalment's due day, else the achievement day.
    public var earnsOn: Day
    public var shareBasisPoints: Int
    public var state: State

    public init(number: Int, dueOn: Day, earnsOn: Day, shareBasisPoints: Int, state: State) {
        self.number = number; self.dueOn = dueOn; self.earnsOn = earnsOn
        self.shareBasisPoints = shareBasisPoints; self.state = state
    }
}
