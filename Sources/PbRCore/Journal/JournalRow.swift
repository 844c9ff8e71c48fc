/// One row for the journal, as the store writes it: a new version of a record, or its withdrawal.
public struct JournalRow: Sendable {
    public var kind: RecordKind
    public var key: String
    /// The client the row belongs to; may be empty on a withdrawal that does not name it.
    public var clientID: String
    /// The record's canonical fields (`RecordSchema.canonicalText`); empty on a withdrawal.
    public var fields: String
    /// True when the row withdraws the record (`deleted` = `Y`).
    public var withdraws: Bool
    /// The row's part of its import's `RecordsDigest`, made with the row (on whichever core made it).
    public var digest: RowDigest

    public init(kind: RecordKind, key: String, clientID: String, fields: String, withdraws: Bool) {
        self.kind = kind; self.key = key; self.clientID = clientID; self.fields = fields; self.withdraws = withdraws
        digest = RowDigest(kind: kind, key: key, clientID: clientID, withdraws: withdraws, fields: fields)
    }

    /// The row of a record.
    public init(_ record: Record) {
        self.init(kind: record.kind, key: record.key, clientID: record.clientID.rawValue,
                  fields: RecordSchema.canonicalText(record), withdraws: false)
    }
}
