import PbRCore

/// Hands out numeric `record_id`s, one sequence per kind, so that ids are unique per file across
/// every batch of the extract.
struct RecordNumbers {
    private var assessments = 0, episodes = 0, tops = 0, offences = 0, events = 0

    mutating func next(_ kind: RecordKind) -> RecordID {
        let value: Int
        switch kind {
        case .clients: preconditionFailure("clients are keyed by client_id, not record_id")
        case .assessments: assessments += 1; value = assessments
        case .episodes: episodes += 1; value = episodes
        case .top: tops += 1; value = tops
        case .offences: offences += 1; value = offences
        case .events: events += 1; value = events
        case .claims: preconditionFailure("the synthetic extract has no claims")
        }
        return RecordID(String(value))
    }

    /// `prefix` followed by `value` in at least `width` digits: ("C", 42, 7) gives "C0000042".
    static func padded(_ prefix: String, _ value: Int, width: Int) -> String {
        let digits = String(value)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
