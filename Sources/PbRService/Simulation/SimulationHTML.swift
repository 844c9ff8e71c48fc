import PbRCore
import PbRSimulation

/// `pbr simulate`'s report as one standalone HTML page (inline CSS and SVG, no script): for each payee a
/// table of income by contract year with its spread and the chance of falling below cost, a fan chart of
/// monthly income (5th to 95th percentile shaded, the median drawn), and the cash-flow gap; then the
/// commissioner's spend and cost per outcome.
public enum SimulationHTML {
    public static func render(_ summary: SimulationSummary, contract: Contract, scenario: String, seed: UInt64,
                              sensitivity: Sensitivity? = nil) -> String {
        HTMLPage.document(title: "Simulation of \(contract.id): \(summary.runs) runs", style: style,
                          body: body(summary, contract: contract, scenario: scenario, seed: seed, sensitivity: sensitivity))
    }

    /// The style's rules for the report's own classes and charts, to sit inside another page.
    public static var fragmentStyle: String { ReportFragment.classRules(style) }

    /// The document's body alone, for a page of the web application.
    public static func body(_ summary: SimulationSummary, contract: Contract, scenario: String, seed: UInt64,
                            sensitivity: Sensitivity? = nil) -> String {
        let escape = StatementHTML.escape
        let title = "Simulation of \(contract.id): \(summary.runs) runs"
        var body = "<h1>\(escape(title))</h1>\n<table class=\"facts\">\n"
            + [("Contract", contract.id), ("Scenario", scenario), ("Runs", String(summary.runs)), ("Seed", String(seed))]
            .map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }.joined(separator: "\n") + "\n</table>\n"
        for payee in Set(summary.years.map(\.payee)).sorted() {
            body += "<section>\n<h2>\(escape(payee.rawValue))</h2>\n" + yearTable(summary.years.filter { $0.payee == payee })
            body += fanChart(summary.months.filter { $0.payee == payee },
                             title: "Monthly income of \(payee.rawValue): 5th to 95th percentile, and the median", yTitle: "income a month (£)",
                             caption: "Income by the month it falls due: the shaded band holds 90% of the runs, the line is the median.")
            if let balances = summary.balances[payee] {
                body += fanChart(balances, title: "Running balance of \(payee.rawValue) (money arrived less costs): 5th to 95th percentile, and the median",
                                 yTitle: "balance (£)", caption: "The money arrived less the costs so far, at each month's end: its lowest point is "
                                    + "the cash-flow gap. The shaded band holds 90% of the runs, the line is the median.")
            }
            if let gap = summary.gaps[payee], let capital = summary.workingCapital[payee] {
                let text = "Cash-flow gap (the most its costs ran ahead of the money arriving): median \(gap.median.sterling), "
                    + "95th percentile \(gap.p95.sterling). The working capital that carries it through \(Percent.text(basisPoints: summary.workingCapitalConfidenceBasisPoints)) "
                    + "of the runs: \(capital.sterling)."
                body += "<p>\(escape(text))</p>\n"
            }
            body += "</section>\n"
        }
        body += "<section>\n<h2>The commissioner</h2>\n<table class=\"years\">\n<thead><tr><th>Contract year</th><th class=\"number\">5th</th>"
            + "<th class=\"number\">Median spend</th><th class=\"number\">95th</th></tr></thead>\n<tbody>\n"
            + summary.spend.map { row in
                "<tr><td>\(Contract.yearLabel(startingOn: row.start))</td>" + cells(row.spread) + "</tr>"
            }.joined(separator: "\n") + "\n</tbody>\n</table>\n"
        if let cost = summary.costPerOutcome {
            let text = "Cost per outcome reached (all that is paid over the clients' outcomes reached): median \(cost.median.sterling), "
                + "5th percentile \(cost.p5.sterling), 95th \(cost.p95.sterling)."
            body += "<p>\(escape(text))</p>\n"
        }
        body += "</section>\n"
        if let investor = summary.investor {
            let investment = investor.investment
            let text = "\(investment.amount.sterling) lent to \(investment.payee.rawValue) \(investment.whenDrawn) at "
                + "\(Percent.text(basisPoints: investment.interestBasisPoints)) a year, repaid from \(Percent.text(basisPoints: investment.repaymentBasisPoints)) of its outcome payments "
                + "as they arrive. Gain (repaid less lent): expected \(investor.expectedGain.sterling), median \(investor.gain.median.sterling), "
                + "5th percentile \(investor.gain.p5.sterling), 95th \(investor.gain.p95.sterling). Chance of loss: "
                + "\(Int((investor.chanceOfLoss * 100).rounded()))% of the runs."
            body += "<section>\n<h2>The investor</h2>\n<p>\(escape(text))</p>\n</section>\n"
        }
        if let sensitivity { body += tornado(sensitivity) }
        return body
    }

    /// Each chance's swing in mean outcome income, widest first, as bars either side of the base.
    static func tornado(_ sensitivity: Sensitivity) -> String {
        let escape = StatementHTML.escape
        let rows = sensitivity.rows
        let lowest = rows.map { min($0.incomeLow, $0.incomeHigh) }.min() ?? sensitivity.base
        let highest = rows.map { max($0.incomeLow, $0.incomeHigh) }.max() ?? sensitivity.base
        let (left, width, rowHeight, top) = (200, 460, 18, 10)
        let span = max(highest.pence - lowest.pence, 1)
        func x(_ money: Money) -> Int { left + Int((money.pence - lowest.pence) * Int64(width) / span) }
        let height = top + rows.count * rowHeight + 40
        var parts = ["<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(left + width + 120) \(height)\" role=\"img\">"
            + "<title>Mean outcome income as each chance moves by \(Percent.text(basisPoints: sensitivity.moveBasisPoints)) of itself</title>"]
        for (index, row) in rows.enumerated() {
            let y = top + index * rowHeight
            let (from, to) = (min(x(row.incomeLow), x(row.incomeHigh)), max(x(row.incomeLow), x(row.incomeHigh)))
            parts.append("<text class=\"tick\" x=\"\(left - 6)\" y=\"\(y + 12)\" text-anchor=\"end\">\(escape(row.parameter))</text>"
                + "<rect class=\"swing\" x=\"\(from)\" y=\"\(y + 2)\" width=\"\(max(to - from, 1))\" height=\"\(rowHeight - 4)\">"
                + "<title>\(escape("\(Percent.text(basisPoints: row.low)): \(row.incomeLow.sterling); \(Percent.text(basisPoints: row.high)): \(row.incomeHigh.sterling)"))</title></rect>"
                + "<text class=\"tick\" x=\"\(to + 4)\" y=\"\(y + 12)\">\(escape(row.swing.sterling))</text>")
        }
        let bottom = top + rows.count * rowHeight
        parts.append("<line class=\"axis\" x1=\"\(x(sensitivity.base))\" x2=\"\(x(sensitivity.base))\" y1=\"\(top)\" y2=\"\(bottom)\"/>"
            + "<text class=\"title\" x=\"\(x(sensitivity.base))\" y=\"\(bottom + 16)\" text-anchor=\"middle\">base \(escape(sensitivity.base.sterling))</text>"
            + "<text class=\"title\" x=\"\(left + width / 2)\" y=\"\(bottom + 32)\" text-anchor=\"middle\">mean outcome income over the runs (£), all payees and years</text>")
        parts.append("</svg>")
        let text = "Each chance of the cohort moved \(Percent.text(basisPoints: sensitivity.moveBasisPoints)) of itself lower and higher, "
            + "the others held, on the same seeds: the widest swing in mean outcome income first."
        return "<section>\n<h2>Sensitivity</h2>\n<p>\(escape(text))</p>\n" + parts.joined(separator: "\n") + "\n</section>\n"
    }

    static func cells(_ spread: SimulationSummary.Spread) -> String {
        [spread.p5, spread.median, spread.p95].map { "<td class=\"number\">\($0.sterling)</td>" }.joined()
    }

    static func yearTable(_ years: [SimulationSummary.Year]) -> String {
        "<table class=\"years\">\n<thead><tr><th>Contract year</th><th class=\"number\">5th</th><th class=\"number\">Median income</th>"
            + "<th class=\"number\">95th</th><th class=\"number\">Cost</th><th class=\"number\">Runs below cost</th></tr></thead>\n<tbody>\n"
            + years.map { year in
                "<tr><td>\(Contract.yearLabel(startingOn: year.start))</td>" + cells(year.income)
                    + "<td class=\"number\">\(year.cost?.sterling ?? "")</td>"
                    + "<td class=\"number\">\(year.belowCost.map { "\(Int(($0 * 100).rounded()))%" } ?? "")</td></tr>"
            }.joined(separator: "\n") + "\n</tbody>\n</table>\n"
    }

    /// Amounts month by month: the band between the 5th and 95th percentiles, and the median.
    static func fanChart(_ months: [SimulationSummary.Month], title: String, yTitle: String, caption: String) -> String {
        guard !months.isEmpty else { return "" }
        let pounds = { (money: Money) in Double(money.pence) / 100 }
        let lowest = min(0, months.map { pounds($0.income.p5) }.min()!)
        let highest = max(0, months.map { pounds($0.income.p95) }.max()!)
        let floor = lowest < 0 ? -SVGChart.ceiling([-lowest]) : 0
        let chart = SVGChart(months: months.map(\.month), values: floor...max(SVGChart.ceiling([highest]), floor + 1), yTitle: yTitle)
        let upper = months.indices.map { "\(SVGChart.fixed(chart.x($0), 1)) \(SVGChart.fixed(chart.y(pounds(months[$0].income.p95)), 1))" }
        let lower = months.indices.reversed().map { "\(SVGChart.fixed(chart.x($0), 1)) \(SVGChart.fixed(chart.y(pounds(months[$0].income.p5)), 1))" }
        let median = months.indices.map { "\($0 == 0 ? "M" : "L")\(SVGChart.fixed(chart.x($0), 1)) \(SVGChart.fixed(chart.y(pounds(months[$0].income.median)), 1))" }
        let marks = ["<path class=\"fan\" d=\"M" + (upper + lower).joined(separator: " L") + " Z\"/>",
                     "<path class=\"median\" d=\"" + median.joined() + "\"/>"]
        return chart.svg(title: title, marks) + "\n<p class=\"caption\">\(StatementHTML.escape(caption))</p>\n"
    }

    static let style = """
        body { font-family: sans-serif; margin: 2em; max-width: 60em; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
        .number { text-align: right; font-variant-numeric: tabular-nums; }
        svg.chart { width: 100%; max-width: 720px; height: auto; }
        svg .grid { stroke: #e4e4e4; } svg .axis { stroke: #333; fill: none; }
        svg .tick, svg .title { font-size: 10px; fill: #333; }
        svg .fan, svg .swing { fill: #9ecae1; stroke: none; } svg .median { stroke: #08519c; stroke-width: 2; fill: none; }
        .caption { font-size: 0.9em; color: #444; }
        @media print { section { page-break-before: always; } }
        """
}
