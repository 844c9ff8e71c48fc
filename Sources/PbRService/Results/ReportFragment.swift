import Foundation

/// A report of PbR (diagnostics, proofing, simulation) shown inside a page of the web application
/// rather than as a document of its own: the page keeps its own layout and type, and takes from the
/// report's style only the rules for the report's classes and SVG charts.
public enum ReportFragment {
    /// The top-level rules of `style` that select a class (`.alerts`) or an SVG mark (`svg .fan`); rules for
    /// elements (`body`, `h1`, `table`) and at-rules (`@page`, `@media`, with their blocks) are left out.
    public static func classRules(_ style: String) -> String {
        style.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { $0.hasPrefix(".") || $0.hasPrefix("svg") }
            .joined(separator: "\n")
    }

    /// The body without its first `<h1>` (the page around it has its own title).
    public static func withoutTitle(_ body: String) -> String {
        guard let start = body.range(of: "<h1>"), let end = body.range(of: "</h1>", range: start.upperBound..<body.endIndex) else { return body }
        var rest = body
        rest.removeSubrange(start.lowerBound..<end.upperBound)
        return rest
    }
}
