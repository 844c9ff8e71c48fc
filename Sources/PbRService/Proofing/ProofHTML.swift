import PbRCore

/// A proof as one standalone HTML5 document (UTF-8, inline CSS, no script, nothing fetched): what was
/// proofed, a chart of the profiles paid least, and every profile in a table. Every text is escaped.
public enum ProofHTML {
    /// - Parameter charted: how many of the least-paid profiles the chart shows.
    public static func render(_ result: FrameworkProof.Result, charted: Int) -> String {
        HTMLPage.document(title: "Framework proofing \(result.contract.id)", style: StatementHTML.style + chartStyle,
                          body: body(result, charted: charted))
    }

    /// The style's rules for the report's own classes and chart, to sit inside another page.
    public static var fragmentStyle: String { ReportFragment.classRules(StatementHTML.style + chartStyle) }

    /// The document's body alone, for a page of the web application.
    public static func body(_ result: FrameworkProof.Result, charted: Int) -> String {
        let escape = StatementHTML.escape
        let shown = Array(result.earnings.prefix(charted))
        return """
            <h1>\(escape("Framework proofing: \(result.contract.id)"))</h1>
            \(facts(result))
            <h2>\(escape("The \(shown.count) profiles paid least, by \(result.order == .expected ? "expected earning" : "the most a provider can earn")"))</h2>
            <p class="legend">Dark bar: expected earning on the stated rates. Light bar: the most a provider can earn. A profile names what it has (offending, injecting, a housing problem, in work); what it does not name, it has not.</p>
            \(ProofChart.svg(shown))
            <h2>Every profile</h2>
            \(table(result.earnings))

            """
    }

    static func facts(_ result: FrameworkProof.Result) -> String {
        let facts: [(String, String)] = [
            ("Contract", "\(result.contract.id): \(result.contract.name)"),
            ("Contract source", result.stamp.file),
            ("Rates", result.ratesSource),
            ("Journeys start", result.start.description),
            ("Run as of", "\(result.asOf) (every window closed)"),
            ("Profiles", String(result.earnings.count)),
        ]
        let rows = facts.map { "<tr><th>\(StatementHTML.escape($0.0))</th><td>\(StatementHTML.escape($0.1))</td></tr>" }
        return "<table class=\"facts\">\n" + rows.joined(separator: "\n") + "\n</table>"
    }

    static func table(_ earnings: [ProfileEarning]) -> String {
        let escape = StatementHTML.escape
        var rows = ["<table class=\"lines\">", "<thead><tr><th>Rank</th><th>Substances</th><th>Offending</th><th>Injecting</th>"
            + "<th>Housing</th><th>Work</th><th>Band</th><th class=\"amount\">Most</th><th class=\"amount\">Expected</th>"
            + "<th>Paid for</th></tr></thead>", "<tbody>"]
        for earning in earnings {
            let p = earning.profile
            let cells = [String(earning.rank), p.substancesLabel, p.offending ? "yes" : "no", p.injecting ? "yes" : "no",
                         p.housingProblem ? "problem" : "housed", p.inWork ? "in work" : "no", p.band.description]
            rows.append("<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined()
                + "<td class=\"amount\">\(escape(earning.most.sterling))</td><td class=\"amount\">\(escape(earning.expected.sterling))</td>"
                + "<td>\(escape(earning.outcomes.map(\.id.rawValue).joined(separator: " ")))</td></tr>")
        }
        rows += ["</tbody>", "</table>"]
        return rows.joined(separator: "\n")
    }

    static let chartStyle = """
        svg.chart { display: block; max-width: 100%; height: auto; font: 9pt "Helvetica Neue", Helvetica, Arial, sans-serif; }
        svg.chart .most { fill: #d6dde6; }
        svg.chart .expected { fill: #2c5d8a; }
        svg.chart .grid { stroke: #ccc; stroke-width: 1; }
        svg.chart .axis { stroke: #444; stroke-width: 1; }

        """
}
