/// One row of a batch for the journal: a new version of a record, or its withdrawal.
public struct JournalRow: Sendable {
    public var kind: RecordKind
    public var key: String
    /// The client the row belongs to; may be empty on a withdrawal that does not name it.
    public var clientID: String
    /// The record; `nil` when the row withdraws it (`deleted` = `Y`).
    public var record: Record?

    public init(kind: RecordKind, key: String, clientID: String, record: Record?) {
        self.kind = kind; self.key = key; self.clientID = clientID; self.record = record
    }
}

/// What one import appends to the journal, with what the audit trail keeps about it.
public struct JournalBatch: Sendable {
    public var knownAt: Moment
    public var source: String
    /// Identifies the extract: importing the same digest twice changes nothing.
    public var digest: String
    /// Where it came from (a folder path).
    public var origin: String
    public var rows: [JournalRow]
    public var rowsRejected: Int

    public init(knownAt: Moment, source: String, digest: String, origin: String, rows: [JournalRow], rowsRejected: Int) {
        self.knownAt = knownAt; self.source = source; self.digest = digest; self.origin = origin
        self.rows = rows; self.rowsRejected = rowsRejected
    }
}
