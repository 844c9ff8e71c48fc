/// The rejects file of `--skip-bad-rows`: every bad row, verbatim, with where and why it was refused.
public enum RejectsCSV {
    public static let header = ["file", "line", "column", "reason", "row"]

    public static func render(_ issues: [RowIssue]) -> String {
        var writer = CSVWriter(header: header)
        for issue in issues {
            writer.append([issue.file, String(issue.line), issue.column ?? "", issue.reason, issue.raw ?? ""])
        }
        return writer.text
    }
}
