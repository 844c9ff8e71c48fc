import PbRCore
import Yams

/// What `extract.yaml` says: when the data was true and where it came from.
public struct ExtractMetadata: Sendable, Equatable {
    public var knownAt: Moment
    public var source: String

    public init(knownAt: Moment, source: String) { self.knownAt = knownAt; self.source = source }

    /// The day of `known_at` as the extract writes it (in its own zone): facts dated later are warned of.
    public var knownOn: Day {
        Day(iso: knownAt.text.prefix(10)) ?? Day(ordinal: Int32((knownAt.epochSeconds / 86_400)))
    }

    /// Parses `extract.yaml`; a defect is reported with the file, line and key.
    public static func parse(_ text: String, file: String = "extract.yaml") throws(ExtractRefused) -> ExtractMetadata {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw ExtractRefused(issues: [RowIssue(file: file, line: 0, reason: "not valid YAML: \(error)")])
        }
        guard let mapping = node?.mapping else {
            throw ExtractRefused(issues: [RowIssue(file: file, line: 1, reason: "expected known_at and source keys")])
        }
        var issues: [RowIssue] = []
        var knownAt: Moment?
        if let value = mapping["known_at"] {
            let line = value.mark?.line ?? 0
            if let text = value.scalar?.string, let moment = Moment(iso: text) {
                knownAt = moment
            } else {
                issues.append(RowIssue(file: file, line: line, column: "known_at",
                                       reason: "'\(value.scalar?.string ?? "")' is not an ISO 8601 moment with a zone, e.g. 2013-06-05T09:00:00+01:00"))
            }
        } else {
            issues.append(RowIssue(file: file, line: 1, column: "known_at", reason: "is required"))
        }
        let source = mapping["source"]?.scalar?.string ?? ""
        guard let knownAt, issues.isEmpty else { throw ExtractRefused(issues: issues) }
        return ExtractMetadata(knownAt: knownAt, source: source)
    }
}
