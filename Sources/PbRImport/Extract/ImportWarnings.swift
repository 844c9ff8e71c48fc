import PbRCore

/// What an import lets through but says, on standard error and in the audit trail (`imports.warnings`).
enum ImportWarnings {
    /// A column or file that `--allow-extra` lets the import ignore.
    static func ignored(_ issue: RowIssue) -> String { issue.description + "; ignored (--allow-extra)" }

    /// An extract that says its data was true before that of an import already in the store: a run
    /// with a cut-off between the two moments sees it now, and saw the store without it before.
    static func earlier(_ knownAt: Moment, than latest: (importID: Int, knownAt: Moment)) -> String? {
        guard knownAt < latest.knownAt else { return nil }
        return "known_at \(knownAt) is earlier than that of import #\(latest.importID) (\(latest.knownAt)): "
            + "runs with a cut-off between the two now see this extract, which they did not before"
    }
}
