/// The seven files of an extract, in the order they are validated (a row may refer only to kinds before it).
/// New kinds go last: the store packs a kind's position into its version codes.
public enum RecordKind: String, Sendable, CaseIterable, Comparable {
    case clients, assessments, episodes, top, offences, events, claims

    public var fileName: String { rawValue + ".csv" }

    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One record of any kind.
public enum Record: Hashable, Sendable {
    case client(Client)
    case assessment(Assessment)
    case episode(Episode)
    case top(TopReview)
    case offence(Offence)
    case event(Event)
    case claim(Claim)

    public var kind: RecordKind {
        switch self {
        case .client: .clients
        case .assessment: .assessments
        case .episode: .episodes
        case .top: .top
        case .offence: .offences
        case .event: .events
        case .claim: .claims
        }
    }

    /// The key that later versions replace: `client_id` for clients, `record_id` otherwise.
    public var key: String {
        switch self {
        case .client(let r): r.id.rawValue
        case .assessment(let r): r.recordID.rawValue
        case .episode(let r): r.recordID.rawValue
        case .top(let r): r.recordID.rawValue
        case .offence(let r): r.recordID.rawValue
        case .event(let r): r.recordID.rawValue
        case .claim(let r): r.recordID.rawValue
        }
    }

    public var clientID: ClientID {
        switch self {
        case .client(let r): r.id
        case .assessment(let r): r.clientID
        case .episode(let r): r.clientID
        case .top(let r): r.clientID
        case .offence(let r): r.clientID
        case .event(let r): r.clientID
        case .claim(let r): r.clientID
        }
    }
}
