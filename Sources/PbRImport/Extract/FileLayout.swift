import PbRCore

/// A file's header row: where each column is, and which of the file's columns are missing.
struct FileLayout: Sendable {
    let kind: RecordKind
    let header: [String]
    let columns: [String: Int]
    /// Columns of the file that the header lacks: every row but a withdrawal is refused for them.
    let missing: [String]

    var file: String { kind.fileName }

    /// Reads the header from the file's first block.
    /// - Returns: the layout, and where the first record after the header starts (offset and line).
    static func read(_ kind: RecordKind, from block: RecordBlocks.Block) throws(ExtractRefused) -> (FileLayout, start: Int, line: Int) {
        func refuse(_ line: Int, _ reason: String, column: String? = nil) -> ExtractRefused {
            ExtractRefused(issues: [RowIssue(file: kind.fileName, line: line, column: column, reason: reason)])
        }
        var reader = CSVReader(bytes: block.bytes)
        let first: CSVReader.Row?
        do throws(CSVError) { first = try reader.next() } catch { throw refuse(error.line, error.reason) }
        guard let header = first?.fields else { throw refuse(1, "is empty: a file that is present needs its header row") }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            guard columns[name] == nil else { throw refuse(1, "the header names this column twice", column: name) }
            columns[name] = index
        }
        let keyColumn = RecordSchema.keyColumn(kind)
        guard columns[keyColumn] != nil else { throw refuse(1, "the header has no \(keyColumn) column", column: keyColumn) }
        let missing = RecordSchema.columns(kind).filter { columns[$0] == nil }
        return (FileLayout(kind: kind, header: header, columns: columns, missing: missing), reader.position, reader.line)
    }
}
