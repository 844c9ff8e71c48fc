import PbRCore

/// The rejects file of `--skip-bad-rows`: every bad row, verbatim, with where and why it was refused.
public enum RejectsCSV {
    public static let header = ["file", "line", "column", "reason", "row"]

    public static func render(_ issues: [RowIssue]) -> String {
        String(decoding: CSVWriter(header: header).bytes + rows(issues), as: UTF8.self)
    }

    /// The issues' lines, without the header: the file is written as the issues are found.
    public static func rows(_ issues: [RowIssue]) -> [UInt8] {
        var writer = CSVWriter(header: [])
        for issue in issues {
            writer.append([issue.file, String(issue.line), issue.column ?? "", issue.reason, issue.raw ?? ""])
        }
        return Array(writer.bytes.dropFirst())  // the empty header's line feed
    }
}
