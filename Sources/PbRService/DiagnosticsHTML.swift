import PbRCore

/// `pbr diagnose --html`: the diagnostics as one standalone HTML5 document to read on a laptop or
/// print (UTF-8, inline CSS and SVG drawn here, no script, nothing fetched). The alerts first, with the
/// clients behind each; then each diagnostic's method, its series, and charts for the area and for
/// every series that alerted. Every text from the store is escaped.
public enum DiagnosticsHTML {
    /// - Returns: the whole document.
    public static func render(_ report: DiagnosticsReport) -> String {
        HTMLPage.document(title: title(report), style: style, body: body(report))
    }

    /// The document's body alone, for a page of the web application (`ReportFragment`).
    public static func body(_ report: DiagnosticsReport) -> String {
        let alerts = report.diagnostics.flatMap { diagnostic in diagnostic.alerts.map { (diagnostic, $0) } }
        return """
            <h1>\(escape(title(report)))</h1>
            \(header(report, alerts: alerts.count))
            <h2>Alerts</h2>
            \(alertTable(alerts, report))

            """ + report.diagnostics.map { section($0, report) }.joined()
    }

    static func title(_ report: DiagnosticsReport) -> String { "Diagnostics \(report.contractID) as of \(report.asOf)" }

    /// The style's rules for the report's own classes and charts, to sit inside another page.
    public static var fragmentStyle: String { ReportFragment.classRules(style) }

    static func header(_ report: DiagnosticsReport, alerts: Int) -> String {
        func months(_ range: ClosedRange<StatementPeriod>) -> String {
            let count = range.lowerBound.months(to: range.upperBound) + 1
            return "\(range.lowerBound) to \(range.upperBound) (\(count) month\(count == 1 ? "" : "s"))"
        }
        let facts = [("Contract", report.contractID), ("As of", report.asOf.description), ("Baseline", months(report.baseline)),
                     ("Months judged", report.monitored.map(months) ?? "none: no month of the contract has ended yet"),
                     ("Alerts", String(alerts))]
        return "<table class=\"facts\">\n" + facts.map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }.joined(separator: "\n") + "\n</table>"
    }

    /// One row per alert, linked to its charts, then the (pseudonymous) clients behind each.
    static func alertTable(_ alerts: [(Diagnostic, DiagnosticAlert)], _ report: DiagnosticsReport) -> String {
        guard !alerts.isEmpty else { return "<p>No alerts: every series judged stayed within its limit.</p>\n" }
        let rows = alerts.map { diagnostic, alert in
            let link = anchor(diagnostic, provider: alert.provider, band: alert.band)
            return "<tr><td><a href=\"#\(escape(link))\">\(escape(diagnostic.id))</a></td><td>\(escape(alert.provider?.rawValue ?? "area"))</td>"
                + "<td>\(alert.band?.description ?? "every")</td><td>\(alert.firstMonth)</td>"
                + "<td class=\"number\">\(SVGChart.fixed(alert.statistic, 2)) vs \(SVGChart.fixed(alert.threshold, 2))</td>"
                + "<td class=\"number\">\(alert.clients.count)</td><td>\(escape(alert.message))</td></tr>"
        }
        let lists = alerts.map { diagnostic, alert in
            "<details open><summary>\(escape("\(diagnostic.id), \(alert.provider?.rawValue ?? "area"), from \(alert.firstMonth)")): "
                + "\(alert.clients.count) client\(alert.clients.count == 1 ? "" : "s")</summary>\n"
                + "<p class=\"ids\">\(alert.clients.map { escape($0.rawValue) }.joined(separator: " "))</p></details>"
        }
        return """
            <table class="alerts">
            <thead><tr><th>Diagnostic</th><th>Provider</th><th>Band</th><th>First month</th><th class="number">Statistic vs threshold</th>\
            <th class="number">Clients</th><th>Message</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            <h3>The clients behind each alert (pseudonymous ids)</h3>
            \(lists.joined(separator: "\n"))

            """
    }

    /// A diagnostic: its method and false-alarm rate, its series, and the charts of the area and of those that alerted.
    static func section(_ diagnostic: Diagnostic, _ report: DiagnosticsReport) -> String {
        let charted = groups(diagnostic).filter { isCharted($0, in: diagnostic) }
        let charts = charted.map { group in
            let alerted = group.series.compactMap { alert(raisedBy: $0, in: diagnostic) }.first
            let heading = group.who + (alerted.map { ": alert from \($0.firstMonth)" } ?? "")
            return "<div class=\"charts\" id=\"\(escape(anchor(diagnostic, provider: group.provider, band: group.band)))\">\n"
                + "<h3>\(escape(heading))</h3>\n" + spcChart(group, diagnostic, report) + "\n"
                + group.monitored.map { statisticChart($0, group, diagnostic, report) }.joined(separator: "\n") + "\n</div>\n"
        }
        let funnels = diagnostic.funnels.map { "<div class=\"charts\">\n<h3>\(escape("Providers compared: \($0.figureTitle)"))</h3>\n" + funnelChart($0, diagnostic) + "\n</div>\n" }
        let facts = [("Method", diagnostic.method), ("False-alarm rate", diagnostic.falseAlarmRate.isEmpty ? "none stated" : diagnostic.falseAlarmRate),
                     ("Alerts", String(diagnostic.alerts.count))]
        return """
            <section class="diagnostic" id="\(escape(diagnostic.id))">
            <h2>\(escape(diagnostic.id))</h2>
            <table class="facts">
            \(facts.map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }.joined(separator: "\n"))
            </table>
            \(seriesTable(diagnostic, report))
            \(funnels.joined())\(charts.joined())</section>

            """
    }

    static func escape(_ text: String) -> String { StatementHTML.escape(text) }
}
