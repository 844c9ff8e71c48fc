import PbRCore

extension DiagnosticsHTML {
    /// The series of one diagnostic about one who (the area or a provider, and a band): the monthly
    /// figures, and each statistic judged on them (a CUSUM; for deaths also the funnel's test).
    struct SeriesGroup {
        var provider: ProviderID?
        var band: Band?
        var series: [DiagnosticSeries]

        var who: String { (provider?.rawValue ?? "area") + (band.map { ", band \($0)" } ?? "") }
        var isArea: Bool { provider == nil && band == nil }
        /// The series whose points span the most months: the funnel's run from the baseline even where the CUSUM's stops.
        var figures: DiagnosticSeries { series.max { $0.points.count < $1.points.count }! }
        var monitored: [DiagnosticSeries] { series.filter { $0.threshold != nil } }
    }

    /// The diagnostic's series grouped by who, in the order they first appear.
    static func groups(_ diagnostic: Diagnostic) -> [SeriesGroup] {
        var groups: [SeriesGroup] = []
        for series in diagnostic.series {
            if let index = groups.firstIndex(where: { $0.provider == series.provider && $0.band == series.band }) {
                groups[index].series.append(series)
            } else {
                groups.append(SeriesGroup(provider: series.provider, band: series.band, series: [series]))
            }
        }
        return groups
    }

    /// Charts only for the area and for those with an alert, so that a report of many providers stays small.
    static func isCharted(_ group: SeriesGroup, in diagnostic: Diagnostic) -> Bool {
        !group.monitored.isEmpty && (group.isArea || group.series.contains { alert(raisedBy: $0, in: diagnostic) != nil })
    }

    /// The alert a series raised: its who, its limit, and its statistic in the alert's first month.
    /// (A provider's deaths alert is the earlier of its CUSUM's and its funnel's; this tells which.)
    static func alert(raisedBy series: DiagnosticSeries, in diagnostic: Diagnostic) -> DiagnosticAlert? {
        diagnostic.alerts.first { alert in
            alert.provider == series.provider && alert.band == series.band && alert.threshold == series.threshold
                && series.points.contains { $0.month == alert.firstMonth && $0.statistic == alert.statistic }
        }
    }

    /// The anchor of a who's charts within the report.
    static func anchor(_ diagnostic: Diagnostic, provider: ProviderID?, band: Band?) -> String {
        "\(diagnostic.id)-\(provider?.rawValue ?? "area")" + (band.map { "-band-\($0)" } ?? "")
    }

    /// What each diagnostic's series counts, for the SPC chart's axis and caption.
    static let measures: [String: String] = [
        "starts": "episodes started", "completions": "successful completions",
        "completions_without_representation": "completions not followed by re-presentation within 6 months",
        "declined": "episodes ended declined_treatment", "creaming": "starts whose client is in band 4 or 5",
        "parking": "clients in treatment over 6 months with no review in the last 6",
        "self_report": "reviews reporting abstinence", "review_bunching": "reviews near the minimum gap that fall just past it",
        "discharge_timing": "re-presentations near a completion's window end that fall just after it",
        "deaths": "deaths in treatment or within a year of discharge",
        "comparison": "episodes started, or successful completions, against comparison areas",
    ]

    /// What a series counts, in words: its own measure's where its diagnostic watches several, else its diagnostic's.
    static func words(_ series: DiagnosticSeries, in diagnostic: Diagnostic) -> String? {
        switch series.measure {
        case .longWaits: "starts more than \(AreaTallies.longWaitDays) days after the assessment"
        case .assessedNotStarted: "assessed clients not started within \(AreaTallies.startWindowDays) days"
        case .dischargesJustBeforeReview: "discharges near the day a review fell due that come just before it"
        default: measures[diagnostic.id]
        }
    }

    /// Whether a series carries a CUSUM or a test's -log10 p. The model does not say: the bunching
    /// and comparison diagnostics and the deaths funnel (the one series with both a note and a limit) carry a test.
    static func isTest(_ series: DiagnosticSeries, in diagnostic: Diagnostic) -> Bool {
        ["review_bunching", "discharge_timing", "comparison"].contains(diagnostic.id) || (series.note != nil && series.threshold != nil)
    }

    /// Every series of the diagnostic, one row each: its baseline figure, its limit, the highest
    /// statistic since the contract's start, and whether it alerted, stayed quiet or is not monitored.
    static func seriesTable(_ diagnostic: Diagnostic, _ report: DiagnosticsReport) -> String {
        guard !diagnostic.series.isEmpty else { return "<p>No series.</p>" }
        let charted = Set(groups(diagnostic).filter { isCharted($0, in: diagnostic) }.map { anchor(diagnostic, provider: $0.provider, band: $0.band) })
        let rows = diagnostic.series.map { series in
            let since = series.points.filter { $0.month > report.baseline.upperBound }.map(\.statistic)
            let link = anchor(diagnostic, provider: series.provider, band: series.band)
            let who = series.provider?.rawValue ?? "area"
            let whoCell = charted.contains(link) ? "<a href=\"#\(escape(link))\">\(escape(who))</a>" : escape(who)
            let state: String
            if series.threshold == nil { state = "" }
            else if let raised = alert(raisedBy: series, in: diagnostic) { state = "<strong class=\"alerting\">alert from \(raised.firstMonth)</strong>" }
            else { state = "quiet" }
            let note = series.note.map(escape) ?? ""
            return "<tr><td>\(whoCell)</td><td>\(series.band?.description ?? "")</td><td class=\"number\">\(SVGChart.fixed(series.baseline, 3))</td>"
                + "<td class=\"number\">\(series.threshold.map { SVGChart.fixed($0, 2) } ?? "")</td>"
                + "<td class=\"number\">\(since.max().map { SVGChart.fixed($0, 2) } ?? "")</td><td>\(state)</td><td>\(note)</td></tr>"
        }
        return "<table class=\"series\">\n<thead><tr><th>Who</th><th>Band</th><th class=\"number\">Baseline figure</th>"
            + "<th class=\"number\">Decision limit</th><th class=\"number\">Highest since start</th><th>State</th><th>Note</th></tr></thead>\n<tbody>\n"
            + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }
}
