import PbRCore
import PbRStore

/// The second half of an adjustment's cause: which import changed which of the client's records since
/// the statement whose line it corrects ("import #2, known at 2013-08-06T09:00:00+01:00, replaced top
/// 102"). Issue and verify both ask it, from the same pins, so the words are part of what verify checks.
enum DataChanges {
    /// - Parameters:
    ///   - adjustments: each adjustment with the period of the line it corrects.
    ///   - pins: the last import each issued period saw, by period.
    ///   - current: the snapshot the period being issued reads.
    /// - Returns: a note for each adjustment whose client's records changed, by line.
    static func notes(for adjustments: [(line: StatementLine, since: StatementPeriod)], pins: [StatementPeriod: Int],
                      current: JournalSnapshot, imports: [ImportSummary], store: JournalStore) async throws -> [LineReference: String] {
        var notes: [LineReference: String] = [:]
        let knownAt = Dictionary(imports.map { ($0.id, $0.knownAt) }, uniquingKeysWith: { a, _ in a })
        for (since, group) in Dictionary(grouping: adjustments, by: \.since) {
            guard let before = pins[since], before < current.lastImportID else { continue }
            let clients = Set(group.compactMap(\.line.clientID))
            let changes = Dictionary(grouping: try await store.changes(of: clients, afterImport: before, throughImport: current.lastImportID,
                                                                       knownAt: current.knownAt), by: \.clientID)
            for (line, _) in group {
                guard let client = line.clientID, let found = changes[client], !found.isEmpty else { continue }
                let described = found.prefix(3).map { change in
                    "import #\(change.importID) (known at \(knownAt[change.importID] ?? "?")) "
                        + (change.withdrawn ? "withdrew" : change.replaces ? "replaced" : "added") + " \(change.kind) \(change.recordKey)"
                }
                notes[line.reference] = "the data changed since \(since): " + described.joined(separator: ", ")
                    + (found.count > 3 ? " and \(found.count - 3) more" : "")
            }
        }
        return notes
    }
}
