import PbRCore

extension DiagnosticsHTML {
    /// What raises the alerts: a series' CUSUM (or its test's -log10 p) over the months since the
    /// contract's start, its decision limit ruled across, and the alert's first month marked.
    static func statisticChart(_ series: DiagnosticSeries, _ group: SeriesGroup, _ diagnostic: Diagnostic, _ report: DiagnosticsReport) -> String {
        guard let threshold = series.threshold else { return "" }
        let test = isTest(series, in: diagnostic)
        let comparison = diagnostic.id == "comparison"
        let name = comparison ? "placebo test" : test ? (series.note == nil ? "exact binomial test" : "funnel test") : "CUSUM"
        let who = (group.isArea ? "in the area" : "at \(group.who)") + (Set(group.series.map(\.measure)).count > 1 ? words(series, in: diagnostic).map { ", of \($0)" } ?? "" : "")
        let since = series.points.filter { $0.month > report.baseline.upperBound }
        guard !since.isEmpty else {
            let text = "The \(name) \(who): no month since the contract's start has been judged yet (decision limit \(SVGChart.fixed(threshold, 2)))."
            return "<p class=\"caption\">\(escape(text))</p>"
        }
        let statistics = since.map(\.statistic)
        let chart = SVGChart(months: since.map(\.month), values: 0...SVGChart.ceiling(statistics + [threshold]),
                             yTitle: test ? "−log₁₀ p" : "CUSUM (log-likelihood ratio)")
        var marks = [level(chart, threshold, class: "threshold", label: "limit \(SVGChart.fixed(threshold, 2))")]
        let raised = alert(raisedBy: series, in: diagnostic)
        if let raised, let index = since.firstIndex(where: { $0.month == raised.firstMonth }) {
            let x = SVGChart.fixed(chart.x(index), 1)
            marks.append("<line class=\"alert\" x1=\"\(x)\" x2=\"\(x)\" y1=\"\(SVGChart.top)\" y2=\"\(SVGChart.top + chart.plotHeight)\"/>"
                + "<text class=\"note alerting\" x=\"\(x)\" y=\"\(SVGChart.top + 11)\" dx=\"4\">alert \(raised.firstMonth)</text>")
        }
        // The placebo test alerts at its level itself (p at most 2.5%), so a statistic on the line is outside.
        marks += line(chart, statistics, outside: statistics.map { comparison ? $0 >= threshold : $0 > threshold })
        var caption = "The \(name) \(who), month by month since the contract's start, against its decision limit \(SVGChart.fixed(threshold, 2)) "
            + "(the dashed line): it alerts when the statistic crosses the limit, and months above it are marked."
        if let note = series.note { caption += " " + note.prefix(1).uppercased() + note.dropFirst() + "." }
        if let raised { caption += " It crossed in \(raised.firstMonth) (\(SVGChart.fixed(raised.statistic, 2)) against \(SVGChart.fixed(raised.threshold, 2)))." }
        return chart.svg(title: "\(name): \(diagnostic.id) \(who)", marks) + "\n<p class=\"caption\">\(escape(caption))</p>"
    }
}
