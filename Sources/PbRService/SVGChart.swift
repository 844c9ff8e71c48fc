import Foundation
import PbRCore

/// The frame of a month-by-month chart drawn by the server as SVG: months along the x axis, a value
/// up the y axis, with ticks, labels and the axis titles. The marks (lines, points, limits) are drawn
/// into it by the caller; styling is by class, from the document's inline CSS.
struct SVGChart {
    static let width = 720.0, height = 230.0
    /// Room for the y axis's labels on the left, for the limits' labels on the right, and for the months below.
    static let left = 62.0, right = 92.0, top = 14.0, bottom = 40.0

    var months: [StatementPeriod]
    var values: ClosedRange<Double>
    /// What the y axis shows, with its unit.
    var yTitle: String
    /// Y ticks as percentages of a share (0.25 is "25%").
    var percent = false
    /// A number along the x axis instead of months (a funnel plot's denominator), and its title.
    var xValues: ClosedRange<Double>?
    var xTitle = "month"

    var plotWidth: Double { Self.width - Self.left - Self.right }
    var plotHeight: Double { Self.height - Self.top - Self.bottom }
    var step: Double { plotWidth / Double(max(months.count, 1)) }

    /// The centre of the `index`th month.
    func x(_ index: Int) -> Double { Self.left + (Double(index) + 0.5) * step }

    /// Where a number falls along a numeric x axis.
    func x(value: Double) -> Double {
        guard let xValues, xValues.upperBound > xValues.lowerBound else { return Self.left }
        return Self.left + plotWidth * (min(max(value, xValues.lowerBound), xValues.upperBound) - xValues.lowerBound) / (xValues.upperBound - xValues.lowerBound)
    }

    /// The boundary before the `index`th month (`months.count`: the right edge).
    func edge(_ index: Int) -> Double { Self.left + Double(index) * step }

    func y(_ value: Double) -> Double {
        let span = values.upperBound - values.lowerBound
        let share = span > 0 ? (min(max(value, values.lowerBound), values.upperBound) - values.lowerBound) / span : 0
        return Self.top + plotHeight * (1 - share)
    }

    /// The whole `<svg>`: a title for screen readers, the grid and axes, then `marks`.
    func svg(title: String, _ marks: [String]) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(Self.width) \(Self.height)\" role=\"img\">"
            + "<title>\(StatementHTML.escape(title))</title>\n" + (axes() + marks).joined(separator: "\n") + "\n</svg>"
    }

    func axes() -> [String] {
        let bottomY = Self.top + plotHeight
        var parts: [String] = []
        for tick in Self.ticks(values) {
            let at = Self.fixed(y(tick), 1)
            parts.append("<line class=\"grid\" x1=\"\(Self.left)\" x2=\"\(Self.left + plotWidth)\" y1=\"\(at)\" y2=\"\(at)\"/>"
                + "<text class=\"tick\" x=\"\(Self.left - 6)\" y=\"\(at)\" dy=\"3\" text-anchor=\"end\">\(label(tick))</text>")
        }
        if let xValues {
            for tick in Self.ticks(xValues) {
                let at = Self.fixed(x(value: tick), 1)
                parts.append("<line class=\"axis\" x1=\"\(at)\" x2=\"\(at)\" y1=\"\(bottomY)\" y2=\"\(bottomY + 5)\"/>"
                    + "<text class=\"tick\" x=\"\(at)\" y=\"\(bottomY + 16)\" text-anchor=\"middle\">\(Self.fixed(tick, Self.decimals(Self.tickStep(xValues))))</text>")
            }
        }
        // Every month ticked; labelled every 1, 3, 6 or 12 months, the fewest that keep the labels apart.
        let every = monthsPerLabel
        for (index, month) in months.enumerated() {
            let at = Self.fixed(x(index), 1)
            let labelled = every == 1 || month.month % every == 1
            parts.append("<line class=\"axis\" x1=\"\(at)\" x2=\"\(at)\" y1=\"\(bottomY)\" y2=\"\(bottomY + (labelled ? 5 : 3))\"/>"
                + (labelled ? "<text class=\"tick\" x=\"\(at)\" y=\"\(bottomY + 16)\" text-anchor=\"middle\">\(month)</text>" : ""))
        }
        parts.append("<path class=\"axis\" d=\"M\(Self.left) \(Self.top)V\(bottomY)H\(Self.left + plotWidth)\"/>")
        parts.append("<text class=\"title\" x=\"\(Self.left + plotWidth / 2)\" y=\"\(Self.height - 4)\" text-anchor=\"middle\">\(StatementHTML.escape(xTitle))</text>")
        parts.append("<text class=\"title\" transform=\"translate(13 \(Self.top + plotHeight / 2)) rotate(-90)\" text-anchor=\"middle\">"
            + "\(StatementHTML.escape(yTitle))</text>")
        return parts
    }

    /// How many months apart the x axis's labels are: a month's label (`2012-04`, 10px) needs about
    /// 45 units, so a long run is labelled each quarter, half year or January.
    var monthsPerLabel: Int {
        months.count <= 12 ? 1 : [3, 6, 12].first { step * Double($0) >= Self.monthLabelWidth } ?? 12
    }

    static let monthLabelWidth = 45.0

    /// A value as the y axis labels it: a percentage of a share, or a number with as many decimals as its ticks need.
    func label(_ value: Double) -> String {
        if percent { return Self.fixed(value * 100, Self.decimals(Self.tickStep(values) * 100)) + "%" }
        return Self.fixed(value, Self.decimals(Self.tickStep(values)))
    }

    /// About five ticks at a round step (1, 2, 2.5 or 5 times a power of ten).
    static func ticks(_ range: ClosedRange<Double>) -> [Double] {
        let step = tickStep(range)
        guard step > 0 else { return [range.lowerBound] }
        let first = (range.lowerBound / step).rounded(.up)
        return stride(from: first, through: (range.upperBound / step).rounded(.down), by: 1).map { $0 * step }
    }

    static func tickStep(_ range: ClosedRange<Double>) -> Double {
        let span = range.upperBound - range.lowerBound
        guard span > 0 else { return 0 }
        let rough = span / 5, power = pow(10, (log10(rough)).rounded(.down))
        return ([1, 2, 2.5, 5, 10].first { $0 * power >= rough } ?? 10) * power
    }

    /// The decimals a step needs to be told apart: none for 5, one for 0.5, two for 0.25.
    static func decimals(_ step: Double) -> Int {
        guard step > 0 else { return 0 }
        return (0...4).first { places in abs((step * pow(10, Double(places))).rounded() - step * pow(10, Double(places))) < 1e-6 } ?? 4
    }

    /// `value` with `places` decimals, never "-0.0".
    static func fixed(_ value: Double, _ places: Int) -> String {
        let scale = pow(10, Double(places))
        let rounded = (value * scale).rounded() / scale
        return String(format: "%.\(places)f", rounded == 0 ? 0 : rounded)
    }

    /// The top of a y axis that starts at 0 and holds `values` with a little room above.
    static func ceiling(_ values: [Double]) -> Double {
        let highest = values.max() ?? 0
        return highest > 0 ? highest * 1.12 : 1
    }
}
