import PbRCore

/// A view of the journal that never changes: the rows of one import and those before it, known at or
/// before a cut-off. A run that reads through a snapshot sees the same data however many imports come
/// later (the journal is append-only), so a statement that pins one can be recomputed at any time.
public struct JournalSnapshot: Hashable, Sendable {
    /// Nil for everything the imports up to `lastImportID` hold.
    public var knownAt: Moment?
    /// 0 when the store held no import.
    public var lastImportID: Int

    public init(knownAt: Moment?, lastImportID: Int) { self.knownAt = knownAt; self.lastImportID = lastImportID }
}

extension JournalStore {
    /// Every client's histories as the snapshot holds them.
    public func histories(in snapshot: JournalSnapshot, client: ClientID? = nil,
                          progress: (@Sendable (_ rows: Int) -> Void)? = nil) async throws -> [ClientHistory] {
        try await histories(knownAt: snapshot.knownAt, throughImport: snapshot.lastImportID, client: client, progress: progress)
    }
}

extension IssuedPeriod {
    /// What the period's statements saw.
    public var snapshot: JournalSnapshot { JournalSnapshot(knownAt: knownAt, lastImportID: lastImportID) }
}
