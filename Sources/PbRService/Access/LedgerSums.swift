import PbRCore
import PbRStore

/// Each contract's issued lines summed (`JournalStore.statementLineSums`), kept in memory while the
/// ledger has not moved: issued lines never change, and new ones come only with a new statement, so the
/// count and last number of a contract's statements say whether the sums kept are still the ledger's.
/// The overview then costs one small query, not a pass over every line, for every viewer after the first.
public actor LedgerSums {
    private var kept: [String: (mark: StatementMark, groups: [PaymentsToDate.Group])] = [:]

    public init() {}

    public func groups(_ contractID: String, in store: JournalStore) async throws -> [PaymentsToDate.Group] {
        let mark = try await store.statementMark(contractID)
        if let entry = kept[contractID], entry.mark == mark { return entry.groups }
        let groups = try await store.statementLineSums(contractID)
        kept[contractID] = (mark, groups)
        return groups
    }
}
