import PbRCore

extension DiagnosticsHTML {
    /// One month on an SPC chart: its figure (none for a share with no trials) and its limits.
    struct ChartPoint {
        var value: Double?
        var limits: ClosedRange<Double>?
        var isOutside: Bool { value.map { value in limits.map { !$0.contains(value) } ?? false } ?? false }
    }

    /// The SPC chart of a who's monthly figures, with limits locked on the baseline as NHS England's
    /// "Making Data Count" draws them: XmR for counts, Laney's P′ for shares (series with trials). The
    /// baseline is shaded, the contract's start ruled, and the months outside the limits marked.
    static func spcChart(_ group: SeriesGroup, _ diagnostic: Diagnostic, _ report: DiagnosticsReport) -> String {
        let points = group.figures.points
        let baseline = points.filter { report.baseline.contains($0.month) }
        let isShare = points.contains { $0.trials > 0 }
        let words = Self.words(group.figures, in: diagnostic) ?? (isShare ? "the share counted" : "the count")
        let who = group.isArea ? "in the area" : "at \(group.who)"
        let chartPoints: [ChartPoint], centre: (value: Double, label: String)?, method: String
        if isShare {
            let limits = ProcessLimits.pPrime(baseline: baseline.map { ($0.count, $0.trials) })
            chartPoints = points.map { point in
                point.trials == 0 ? ChartPoint() : ChartPoint(value: Double(point.count) / Double(point.trials), limits: limits?.limits(trials: point.trials))
            }
            centre = limits.map { ($0.pBar, "p̄ \(percent($0.pBar))") }
            method = limits.map {
                "P′ chart (Laney) of the share of \(words) \(who), month by month: p̄ \(percent($0.pBar)) over the baseline's \(baseline.count) months; "
                    + "limits p̄ ± 3 σᵢ σz, where σᵢ = √(p̄(1 − p̄)/nᵢ) for the month's nᵢ and σz = \(SVGChart.fixed($0.sigmaZ, 3)) "
                    + "(the mean moving range of the baseline's z-scores over 1.128), locked on the baseline."
            } ?? "The share of \(words) \(who), month by month: the baseline cannot set P′ limits (fewer than two months with any, or a share of 0 or 100%)."
        } else {
            let limits = ProcessLimits.xmr(baseline: baseline.map { Double($0.count) })
            chartPoints = points.map { ChartPoint(value: Double($0.count), limits: limits.map { $0.lower...$0.upper }) }
            centre = limits.map { ($0.mean, "mean \(SVGChart.fixed($0.mean, 1))") }
            method = limits.map {
                "XmR chart of \(words) \(who), a month: mean \(SVGChart.fixed($0.mean, 2)) over the baseline's \(baseline.count) months; process limits "
                    + "mean ± 2.66 × the mean moving range (\(SVGChart.fixed($0.meanMovingRange, 2))), \(SVGChart.fixed($0.lower, 2)) to "
                    + "\(SVGChart.fixed($0.upper, 2)), locked on the baseline."
            } ?? "The count of \(words) \(who), a month: too few baseline months for XmR limits."
        }
        let heights = chartPoints.compactMap(\.value) + chartPoints.compactMap { $0.limits?.upperBound } + [centre?.value ?? 0]
        let chart = SVGChart(months: points.map(\.month), values: 0...(isShare ? min(1, SVGChart.ceiling(heights)) : SVGChart.ceiling(heights)),
                             yTitle: isShare ? "share, %" : "count a month", percent: isShare)
        var marks = baselineMarks(chart, months: baseline.count)
        if let centre { marks.append(level(chart, centre.value, class: "centre", label: centre.label)) }
        marks += limitMarks(chart, chartPoints)
        marks += line(chart, chartPoints.map(\.value), outside: chartPoints.map(\.isOutside))
        let outside = chartPoints.filter(\.isOutside).count
        let caption = method + " " + (outside == 0 ? "No month is outside the limits." : "\(outside) month\(outside == 1 ? " is" : "s are") outside the limits (marked).")
            + " The chart is for reading; alerts come from the \(judges(group, diagnostic)) below, not from these limits."
        return chart.svg(title: "SPC chart: \(words) \(who)", marks) + "\n<p class=\"caption\">\(escape(caption))</p>"
    }

    /// What judges a who's figures: its CUSUM, its test, or (deaths) both.
    static func judges(_ group: SeriesGroup, _ diagnostic: Diagnostic) -> String {
        let tests = group.monitored.map { isTest($0, in: diagnostic) }
        return tests.allSatisfy { $0 } ? "test" : tests.contains(true) ? "CUSUM and the test" : "CUSUM"
    }

    /// The baseline's months shaded and labelled, and a rule where the contract starts.
    static func baselineMarks(_ chart: SVGChart, months: Int) -> [String] {
        guard months > 0 else { return [] }
        let start = SVGChart.fixed(chart.edge(months), 1), top = SVGChart.top, bottom = SVGChart.top + chart.plotHeight
        var marks = ["<rect class=\"base\" x=\"\(SVGChart.left)\" y=\"\(top)\" width=\"\(SVGChart.fixed(chart.edge(months) - SVGChart.left, 1))\" "
            + "height=\"\(chart.plotHeight)\"/>",
            "<text class=\"note\" x=\"\(SVGChart.left + 4)\" y=\"\(top + 11)\">baseline (\(months) months)</text>"]
        if months < chart.months.count {
            marks.append("<line class=\"start\" x1=\"\(start)\" x2=\"\(start)\" y1=\"\(top)\" y2=\"\(bottom)\"/>"
                + "<text class=\"note\" x=\"\(start)\" y=\"\(top + 11)\" dx=\"4\">contract</text>")
        }
        return marks
    }

    /// A horizontal line across the chart, labelled in the right margin.
    static func level(_ chart: SVGChart, _ value: Double, class name: String, label: String) -> String {
        let at = SVGChart.fixed(chart.y(value), 1), right = SVGChart.left + chart.plotWidth
        return "<line class=\"\(name)\" x1=\"\(SVGChart.left)\" x2=\"\(right)\" y1=\"\(at)\" y2=\"\(at)\"/>"
            + "<text class=\"note\" x=\"\(right + 4)\" y=\"\(at)\" dy=\"3\">\(escape(label))</text>"
    }

    /// The upper and lower limits, month by month (steps for P′, whose limits follow each month's trials);
    /// a lower limit at or below the axis's 0 is not drawn.
    static func limitMarks(_ chart: SVGChart, _ points: [ChartPoint]) -> [String] {
        var marks: [String] = []
        for (side, label) in [(\ClosedRange<Double>.upperBound, "upper"), (\ClosedRange<Double>.lowerBound, "lower")] {
            var path = "", last: Double?
            for (index, point) in points.enumerated() {
                guard let limit = point.limits?[keyPath: side], limit > chart.values.lowerBound, limit < chart.values.upperBound else { continue }
                path += "M\(SVGChart.fixed(chart.edge(index), 1)) \(SVGChart.fixed(chart.y(limit), 1))H\(SVGChart.fixed(chart.edge(index + 1), 1))"
                last = limit
            }
            guard let last else { continue }
            marks.append("<path class=\"limit\" d=\"\(path)\"/><text class=\"note\" x=\"\(SVGChart.left + chart.plotWidth + 4)\" "
                + "y=\"\(SVGChart.fixed(chart.y(last), 1))\" dy=\"3\">\(label) \(chart.percent ? percent(last) : SVGChart.fixed(last, 1))</text>")
        }
        return marks
    }

    /// The figures joined month to month (broken where a month has none), each a dot; those outside their
    /// limits, or above a decision limit, drawn larger in the alert colour.
    static func line(_ chart: SVGChart, _ values: [Double?], outside: [Bool]) -> [String] {
        var path = "", joined = false, dots: [String] = []
        for (index, value) in values.enumerated() {
            guard let value else { joined = false; continue }
            let x = SVGChart.fixed(chart.x(index), 1), y = SVGChart.fixed(chart.y(value), 1)
            path += "\(joined ? "L" : "M")\(x) \(y)"
            joined = true
            dots.append(outside[index] ? "<circle class=\"out\" cx=\"\(x)\" cy=\"\(y)\" r=\"4\"/>" : "<circle class=\"dot\" cx=\"\(x)\" cy=\"\(y)\" r=\"2.5\"/>")
        }
        return ["<path class=\"figure\" d=\"\(path)\"/>"] + dots
    }

    static func percent(_ share: Double) -> String { SVGChart.fixed(share * 100, 1) + "%" }
}
