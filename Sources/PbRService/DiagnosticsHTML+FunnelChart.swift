import PbRCore

extension DiagnosticsHTML {
    /// A funnel plot (Spiegelhalter 2005): each provider a labelled dot at its denominator (x) and its
    /// figure (y), the target ruled across, and the 99.8% limits as curves that narrow as the denominator
    /// grows; a provider outside on the side watched is drawn in the alert colour. The limits come from
    /// the core (`Funnel.limits`); the report only draws them.
    static func funnelChart(_ plot: FunnelPlot, _ diagnostic: Diagnostic) -> String {
        let funnel = plot.funnel, isShare = funnel.kind == .binomial
        let widest = plot.points.map(\.denominator).max() ?? 0
        guard widest > 0 else {
            return "<p class=\"caption\">\(escape("Funnel plot of the \(plot.figureTitle): no provider has any \(plot.denominatorTitle) yet."))</p>"
        }
        let xs = (1...80).map { widest * 1.1 * Double($0) / 80 }
        let limits = xs.map { funnel.limits(denominator: $0) }
        // The y axis holds every provider and the target, and the limits from a fifth of the widest denominator on.
        let tops = plot.points.map(\.figure) + [funnel.target] + zip(xs, limits).filter { $0.0 >= widest / 5 }.map(\.1.upperBound)
        let chart = SVGChart(months: [], values: 0...(isShare ? min(1, SVGChart.ceiling(tops)) : SVGChart.ceiling(tops)),
                             yTitle: isShare ? "share, %" : "observed / expected", percent: isShare, xValues: 0...widest * 1.1, xTitle: plot.denominatorTitle)
        var marks = [level(chart, funnel.target, class: "centre", label: "target " + (isShare ? percent(funnel.target) : SVGChart.fixed(funnel.target, 2)))]
        for (side, label) in [(\ClosedRange<Double>.upperBound, "99.8%"), (\ClosedRange<Double>.lowerBound, "")] {
            // Each curve drawn where it lies within the axis, broken where it leaves it.
            var path = "", joined = false
            for (x, range) in zip(xs, limits) {
                let value = range[keyPath: side]
                guard value.isFinite, value <= chart.values.upperBound, value > 0 || side == \ClosedRange<Double>.upperBound else { joined = false; continue }
                path += "\(joined ? "L" : "M")\(SVGChart.fixed(chart.x(value: x), 1)) \(SVGChart.fixed(chart.y(value), 1))"
                joined = true
            }
            guard !path.isEmpty else { continue }
            marks.append("<path class=\"limit\" d=\"\(path)\"/>")
            if !label.isEmpty, let last = limits.last?[keyPath: side], last <= chart.values.upperBound {
                marks.append("<text class=\"note\" x=\"\(SVGChart.left + chart.plotWidth + 4)\" y=\"\(SVGChart.fixed(chart.y(last), 1))\" dy=\"3\">\(label) limits</text>")
            }
        }
        for point in plot.points {
            let x = SVGChart.fixed(chart.x(value: point.denominator), 1), y = SVGChart.fixed(chart.y(point.figure), 1)
            marks.append((point.isOutside ? "<circle class=\"out\" cx=\"\(x)\" cy=\"\(y)\" r=\"4.5\"/>" : "<circle class=\"dot\" cx=\"\(x)\" cy=\"\(y)\" r=\"3\"/>")
                + "<text class=\"note\(point.isOutside ? " alerting" : "")\" x=\"\(x)\" y=\"\(y)\" dx=\"6\" dy=\"-4\">\(escape(point.provider.rawValue))</text>")
        }
        let outside = plot.points.filter(\.isOutside).map(\.provider.rawValue)
        let months = plot.months.lowerBound == plot.months.upperBound ? "\(plot.months.lowerBound)" : "\(plot.months.lowerBound) to \(plot.months.upperBound)"
        let caption = "Funnel plot of the \(plot.figureTitle) (\(months)): each provider against its \(plot.denominatorTitle). The target is "
            + (isShare ? "the area's pooled share over the same months" : "1, each provider's deaths against what the other providers' rates expect")
            + "; the 99.8% limits are exact \(isShare ? "binomial" : "Poisson") limits interpolated between counts (Spiegelhalter 2005)"
            + (funnel.dispersion > 1 ? ", widened for the over-dispersion between providers in the baseline (\(SVGChart.fixed(funnel.dispersion, 2)))" : "")
            + ". Only a provider \(plot.side == .high ? "above" : "below") the funnel alerts. "
            + (outside.isEmpty ? "No provider is outside." : "Outside: \(outside.joined(separator: ", ")) (marked).")
        return chart.svg(title: "Funnel plot: \(diagnostic.id), \(plot.figureTitle)", marks) + "\n<p class=\"caption\">\(escape(caption))</p>"
    }
}
