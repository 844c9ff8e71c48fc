/// Picks, for each record, the version a run may see: the latest with `known_at` at or before the run's
/// cut-off. Versions are fed in any order; withdrawn records and the records of withdrawn clients are
/// left out of the result.
public struct VersionResolver: Sendable {
    public let knownAt: Moment?
    private var latest: [RecordKind: [String: JournalEntry]] = [:]

    /// - Parameter knownAt: the run's cut-off; `nil` sees everything imported.
    public init(knownAt: Moment?) { self.knownAt = knownAt }

    public mutating func add(_ entry: JournalEntry) {
        if let knownAt, entry.knownAt > knownAt { return }
        if let current = latest[entry.kind]?[entry.key], !entry.supersedes(current) { return }
        latest[entry.kind, default: [:]][entry.key] = entry
    }

    /// The visible records, grouped by kind.
    public func records() -> [Record] {
        let withdrawnClients = Set((latest[.clients] ?? [:]).compactMap { key, entry in
            entry.record == nil ? key : nil
        })
        var result: [Record] = []
        for kind in RecordKind.allCases {
            for entry in (latest[kind] ?? [:]).values {
                guard let record = entry.record, !withdrawnClients.contains(record.clientID.rawValue) else { continue }
                result.append(record)
            }
        }
        return result
    }
}
