/// A defect in an extract: which file, which physical line, which column, and why.
public struct RowIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// The physical line where the record starts (the header is line 1); 0 for the folder itself.
    public let line: Int
    /// The column's header name, when one column is at fault.
    public let column: String?
    public let reason: String
    /// The row as it stands in the file, for the rejects file.
    public let raw: String?

    public init(file: String, line: Int, column: String? = nil, reason: String, raw: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.reason = reason; self.raw = raw
    }

    public var description: String {
        var place = file
        if line > 0 { place += ", line \(line)" }
        if let column { place += ", column \(column)" }
        return place + ": " + reason
    }
}

/// An extract that cannot be imported: its defects in file and line order (the first 50 of them when
/// there are more; `count` says how many in all).
public struct ExtractRefused: Error, Sendable, CustomStringConvertible {
    public let issues: [RowIssue]
    public let count: Int

    public init(issues: [RowIssue], count: Int? = nil) {
        self.issues = issues
        self.count = count ?? issues.count
    }

    public var description: String { RowIssue.listing(issues, count: count, heading: "the extract was not imported") }
}

extension RowIssue {
    /// "HEADING (3 defects):" and the issues a line each, with how many more were not shown.
    static func listing(_ issues: [RowIssue], count: Int, heading: String) -> String {
        let shown = issues.map(\.description).joined(separator: "\n")
        let more = count > issues.count ? "\n... and \(count - issues.count) more" : ""
        return "\(heading) (\(count) defect\(count == 1 ? "" : "s")):\n" + shown + more
    }
}
