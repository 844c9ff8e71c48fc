import Foundation
import PbRCore
import PbRService
import PbRSimulation
import Testing

/// `pbr diagnose --html`: the report of an area where P02's starts fall from the contract's start shows
/// the alert, the clients behind it and its charts (SPC and CUSUM, with axes, limits and the alert's
/// month); only the area's and the alerting series are charted; every text is escaped.
@Suite("DiagnosticsHTML")
struct DiagnosticsHTMLTests {
    static let contract = Contract(id: "national-pilot", name: "", start: Day(year: 2012, month: 4, day: 1)!,
                                   outcomesUntil: Day(year: 2016, month: 3, day: 31)!, outcomes: [])

    func report(_ harm: PlantedHarm, providers: [String] = ["P01", "P02", "P03", "P04"], from: Day? = nil) -> DiagnosticsReport {
        var area = PlantedHarmArea()
        area.harm = harm
        area.harmFrom = from
        area.providers = providers
        return AreaDiagnostics.run(area.histories(), contract: Self.contract, asOf: area.through)
    }

    /// The lines of the chart block with this anchor.
    func block(_ html: String, _ anchor: String) throws -> String {
        let start = try #require(html.range(of: "<div class=\"charts\" id=\"\(anchor)\">"))
        let end = try #require(html.range(of: "\n</div>\n", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theReportOfAFallInStartsShowsP02sAlertAndTheClientsBehindIt() throws {
        let report = report(.startsFall(oddsRatio: 0.17))
        let alert = try #require(report.diagnostics.first { $0.id == "starts" }?.alerts.first)
        let html = DiagnosticsHTML.render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        for outside in ["<script", "<link", "src=", "http:", "https:", "@import", "url("] { #expect(!html.contains(outside), "\(outside)") }

        #expect(html.contains("<tr><th>Contract</th><td>national-pilot</td></tr>\n<tr><th>As of</th><td>2012-06-30</td></tr>\n"
            + "<tr><th>Baseline</th><td>2010-04 to 2012-03 (24 months)</td></tr>\n<tr><th>Months judged</th><td>2012-04 to 2012-06 (3 months)</td></tr>\n"
            + "<tr><th>Alerts</th><td>1</td></tr>"))
        let row = "<tr><td><a href=\"#starts-P02\">starts</a></td><td>P02</td><td>every</td><td>\(alert.firstMonth)</td>"
            + "<td class=\"number\">\(String(format: "%.2f", alert.statistic)) vs \(String(format: "%.2f", alert.threshold))</td>"
            + "<td class=\"number\">\(alert.clients.count)</td><td>episodes started at P02 fell: "
        #expect(html.contains(row), "\(html.prefix(3000))")
        #expect(html.contains("<details open><summary>starts, P02, from \(alert.firstMonth): \(alert.clients.count) clients</summary>\n"
            + "<p class=\"ids\">\(alert.clients.map(\.rawValue).joined(separator: " "))</p></details>"))
    }

    /// review_bunching watches reviews and discharges: the discharges' test says what it counts.
    @Test func aDischargesBeforeAReviewAlertNamesWhatItCountsInItsMessageAndItsChart() throws {
        var contract = Self.contract
        contract.reviewsDueEvery = PlantedHarmArea().reviewsDueEvery
        var area = PlantedHarmArea()
        area.harm = .dischargesBeforeReview(share: 1)
        let report = AreaDiagnostics.run(area.histories(), contract: contract, asOf: area.through)
        let alert = try #require(report.diagnostics.first { $0.id == "review_bunching" }?.alerts.first { $0.provider == ProviderID("P02") })
        #expect(alert.message.hasPrefix("discharges at P02 come just before a review falls due (3 months after the last TOP), within 28 days either side: "),
                "\(alert.message)")
        let charts = try block(DiagnosticsHTML.render(report), "review_bunching-P02")
        #expect(charts.contains("The exact binomial test at P02, of discharges near the day a review fell due that come just before it, month by month"),
                "\(charts)")
    }

    @Test func theAlertingSeriesHasAnSPCChartAndItsCUSUMAgainstTheDecisionLimit() throws {
        let report = report(.startsFall(oddsRatio: 0.17))
        let starts = try #require(report.diagnostics.first { $0.id == "starts" })
        let alert = try #require(starts.alerts.first)
        let charts = try block(DiagnosticsHTML.render(report), "starts-P02")
        #expect(charts.contains("<h3>P02: alert from \(alert.firstMonth)</h3>"))
        #expect(charts.components(separatedBy: "<svg class=\"chart\"").count == 3)
        // Axes with their titles and units, the baseline shaded, the contract's start ruled.
        for title in [">month</text>", ">count a month</text>", ">CUSUM (log-likelihood ratio)</text>", ">baseline (24 months)</text>",
                      ">2010-04</text>", ">2012-04</text>"] {
            #expect(charts.contains(title), "\(title)")
        }
        #expect(charts.contains("<rect class=\"base\"") && charts.contains("<line class=\"start\""))
        // The XmR limits are those the core computes on P02's baseline months.
        let series = try #require(starts.series.first { $0.provider == ProviderID("P02") })
        let limits = try #require(ProcessLimits.xmr(baseline: series.points.prefix(24).map { Double($0.count) }))
        #expect(charts.contains("process limits mean ± 2.66 × the mean moving range (\(String(format: "%.2f", limits.meanMovingRange))), "
            + "\(String(format: "%.2f", limits.lower)) to \(String(format: "%.2f", limits.upper)), locked on the baseline."))
        #expect(charts.contains("The chart is for reading; alerts come from the CUSUM below, not from these limits."))
        // The CUSUM's decision limit ruled and labelled, and the alert's first month marked.
        #expect(charts.contains("<line class=\"threshold\""))
        #expect(charts.contains(">limit \(String(format: "%.2f", alert.threshold))</text>"))
        #expect(charts.contains("<line class=\"alert\"") && charts.contains(">alert \(alert.firstMonth)</text>"))
        #expect(charts.contains("<circle class=\"out\""))
    }

    /// Twice the deaths at P02 for years: the funnel's test raised the alert, so its chart is the one marked.
    @Test func aDeathsAlertFromTheFunnelIsMarkedOnTheFunnelsChart() throws {
        let report = report(.deaths(ratio: 2), from: Day(year: 2009, month: 4, day: 1)!)
        let charts = try block(DiagnosticsHTML.render(report), "deaths-P02")
        #expect(charts.contains("<h3>P02: alert from 2012-04</h3>"))
        #expect(charts.contains(">−log₁₀ p</text>") && charts.contains("The funnel test at P02, month by month since the contract"))
        #expect(charts.components(separatedBy: "<line class=\"alert\"").count == 2)
        #expect(charts.contains(">alert 2012-04</text>"))
    }

    @Test func onlyTheAreaAndTheAlertingSeriesAreCharted() throws {
        let html = DiagnosticsHTML.render(report(.startsFall(oddsRatio: 0.17)))
        #expect(html.contains("<div class=\"charts\" id=\"starts-area\">") && html.contains("<div class=\"charts\" id=\"starts-P02\">"))
        for quiet in ["P01", "P03", "P04"] { #expect(!html.contains("id=\"starts-\(quiet)\""), "\(quiet)") }
        // Shares get Laney's P′ chart.
        #expect(try block(html, "creaming-area").contains("P′ chart (Laney) of the share of starts whose client is in band 4 or 5 in the area"))
    }

    @Test func aQuietAreaOfFiveProvidersStaysSmall() {
        let html = DiagnosticsHTML.render(report(.none, providers: ["P01", "P02", "P03", "P04", "P05"]))
        #expect(html.contains("<p>No alerts: every series judged stayed within its limit.</p>"))
        #expect(html.utf8.count < 300_000, "\(html.utf8.count) bytes")
    }

    @Test func everyTextIsEscaped() throws {
        var report = report(.startsFall(oddsRatio: 0.17))
        report.contractID = "<script>alert('x')</script>"
        let index = try #require(report.diagnostics.firstIndex { $0.id == "starts" })
        report.diagnostics[index].alerts[0].message = "fell & \"rose\" <b>"
        report.diagnostics[index].method = "<i>CUSUM</i>"
        let html = DiagnosticsHTML.render(report)
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("<title>Diagnostics &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; as of 2012-06-30</title>"))
        #expect(html.contains("<td>fell &amp; &quot;rose&quot; &lt;b&gt;</td></tr>"))
        #expect(html.contains("<tr><th>Method</th><td>&lt;i&gt;CUSUM&lt;/i&gt;</td></tr>"))
    }
}
