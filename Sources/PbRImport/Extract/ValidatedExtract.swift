import PbRCore

/// An extract read and checked row by row: its good rows, and every bad row with its reason.
public struct ValidatedExtract: Sendable {
    public var metadata: ExtractMetadata
    /// SHA-256 of extract.yaml and the six files: the same extract always has the same digest.
    public var digest: String
    /// Where the extract was read from.
    public var origin: String
    /// Good rows, file by file in `RecordKind` order, each file in line order.
    public var rows: [JournalRow]
    /// Bad rows in file and line order.
    public var issues: [RowIssue]
    /// Rows read per file, good and bad.
    public var rowsRead: [RecordKind: Int]
}

extension ValidatedExtract {
    /// The good rows as a batch for the journal.
    public var batch: JournalBatch {
        JournalBatch(knownAt: metadata.knownAt, source: metadata.source, digest: digest, origin: origin, rows: rows,
                     rowsRejected: issues.count)
    }
}
