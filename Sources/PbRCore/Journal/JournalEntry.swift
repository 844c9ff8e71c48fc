/// One version of one record in the append-only journal: what an extract said, and when it was true.
public struct JournalEntry: Hashable, Sendable {
    public var kind: RecordKind
    public var key: String
    /// The extract's `known_at`.
    public var knownAt: Moment
    /// Import order, to break ties between versions with the same `knownAt`.
    public var sequence: Int64
    /// The record as of this version; `nil` when this version withdraws it (`deleted` = `Y`).
    public var record: Record?

    public init(kind: RecordKind, key: String, knownAt: Moment, sequence: Int64, record: Record?) {
        self.kind = kind; self.key = key; self.knownAt = knownAt; self.sequence = sequence; self.record = record
    }

    /// True when this version replaces `other`: later `known_at`, then later import.
    public func supersedes(_ other: JournalEntry) -> Bool {
        (knownAt.epochSeconds, sequence) > (other.knownAt.epochSeconds, other.sequence)
    }
}
