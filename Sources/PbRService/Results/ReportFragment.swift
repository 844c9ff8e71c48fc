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
}
