import PbRCore

/// A file's header row: where each column is, and how it differs from the file's format.
///
/// A header with a column not of the format (nor `deleted`) keeps every row of the file out, unless
/// `allowExtra` lets the import ignore the column; one that lacks a column of the format keeps out every
/// row but the withdrawals (which need only the key and `deleted`). Either is one defect at line 1, made
/// when the file has been read (`defects`); the rows kept out go to the rejects file with their reason.
struct FileLayout: Sendable {
    let kind: RecordKind
    let header: [String]
    let columns: [String: Int]
    /// Columns of the file that the header lacks.
    let missing: [String]
    /// Header columns that are not of the file's format, in header order.
    let unknown: [String]
    let allowExtra: Bool

    var file: String { kind.fileName }

    /// Reads the header from the file's first block.
    /// - Returns: the layout, and where the first record after the header starts (offset and line).
    static func read(_ kind: RecordKind, from block: RecordBlocks.Block, allowExtra: Bool) throws(ExtractRefused)
        -> (FileLayout, start: Int, line: Int) {
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
        let format = RecordSchema.columns(kind)
        let layout = FileLayout(kind: kind, header: header, columns: columns, missing: format.filter { columns[$0] == nil },
                                unknown: header.filter { !format.contains($0) && $0 != "deleted" }, allowExtra: allowExtra)
        let keyColumn = RecordSchema.keyColumn(kind)
        guard columns[keyColumn] != nil else {
            throw ExtractRefused(issues: (allowExtra ? [] : layout.unknownColumns)
                                 + [RowIssue(file: kind.fileName, line: 1, column: keyColumn, reason: "the header has no \(keyColumn) column")])
        }
        return (layout, reader.position, reader.line)
    }

    /// Why the header keeps a row out, if it does: the column at fault and the reason.
    func keepsOut(withdrawal: Bool) -> (column: String, reason: String)? {
        if !allowExtra, let column = unknown.first { return (column, "not imported: the header has an unknown column \(column)") }
        guard !withdrawal, !missing.isEmpty else { return nil }
        return (missing[0], "not imported: the header has no \(missing.joined(separator: ", ")) column\(missing.count > 1 ? "s" : "")")
    }

    /// The header's defects once the file is read: each unknown column, and each missing one if a row
    /// needed it.
    /// - Parameters:
    ///   - keptOut: the rows the header kept out.
    ///   - lacking: the rows (not withdrawals) that needed the missing columns.
    func defects(keptOut: Int, lacking: Int) -> [RowIssue] {
        let unknown = allowExtra ? [] : unknownColumns
        guard lacking > 0 else { return unknown }
        return unknown + missing.map { column in
            RowIssue(file: file, line: 1, column: column,
                     reason: "the header has no \(column) column (\(keptOut) row\(keptOut == 1 ? "" : "s") of the file not imported)")
        }
    }

    /// With `allowExtra`: a warning for each column ignored.
    var warnings: [String] { allowExtra ? unknownColumns.map(ImportWarnings.ignored) : [] }

    private var unknownColumns: [RowIssue] {
        let known = RecordSchema.columns(kind) + ["deleted"]
        return unknown.map { column in
            guard !column.isEmpty else { return RowIssue(file: file, line: 1, reason: "the header has a column with no name") }
            let nearest = NearestName.suggestion(for: column, among: known).map { " (did you mean \($0)?)" } ?? ""
            return RowIssue(file: file, line: 1, column: column, reason: "unknown column" + nearest)
        }
    }
}
