import PbRCore

/// The overview's chart: what the issued lines paid each month, as bars drawn by the server in SVG.
public enum PaymentsChart {
    /// The `<svg>`, styled by the page's CSS classes (`bar`, `negative`, and `SVGChart`'s axes).
    public static func svg(_ payments: PaymentsToDate) -> String {
        let months = payments.byMonth
        let pounds = months.map { Double($0.amount.pence) / 100 }
        let lowest = min(0, pounds.min() ?? 0)
        let chart = SVGChart(months: months.map(\.period), values: (lowest < 0 ? lowest * 1.12 : 0)...SVGChart.ceiling(pounds),
                             yTitle: "paid (£)")
        let width = chart.step * 0.7
        let marks = pounds.enumerated().map { index, value -> String in
            let top = chart.y(max(value, 0)), bottom = chart.y(min(value, 0))
            return "<rect class=\"bar\(value < 0 ? " negative" : "")\" x=\"\(SVGChart.fixed(chart.x(index) - width / 2, 1))\" "
                + "y=\"\(SVGChart.fixed(top, 1))\" width=\"\(SVGChart.fixed(width, 1))\" height=\"\(SVGChart.fixed(max(bottom - top, 0.5), 1))\">"
                + "<title>\(months[index].period): \(months[index].amount.sterling)</title></rect>"
        }
        return chart.svg(title: "Payments issued each month", marks)
    }
}
