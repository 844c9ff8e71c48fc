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

/// An extract that cannot be imported: every defect found, in file and line order.
public struct ExtractRefused: Error, Sendable, CustomStringConvertible {
    public let issues: [RowIssue]
    public init(issues: [RowIssue]) { self.issues = issues }
    public var description: String {
        let shown = issues.prefix(50).map(\.description).joined(separator: "\n")
        let more = issues.count > 50 ? "\n... and \(issues.count - 50) more" : ""
        return "the extract was not imported (\(issues.count) defect\(issues.count == 1 ? "" : "s")):\n" + shown + more
    }
}
