import PbRCore

/// The proof's chart as server-side SVG: one horizontal bar per profile, least paid at the top; a light
/// bar for the most it can earn behind a dark one for the expected earning, on an axis in pounds.
enum ProofChart {
    static let labelWidth = 420, barArea = 480, rowHeight = 18, barHeight = 12, top = 10, axisHeight = 46

    static func svg(_ earnings: [ProfileEarning]) -> String {
        let escape = StatementHTML.escape
        let scale = axis(for: earnings.map(\.most).max() ?? .zero)
        let width = labelWidth + barArea + 70, plotBottom = top + earnings.count * rowHeight
        let height = plotBottom + axisHeight
        func x(_ money: Money) -> Int { labelWidth + Int(money.pence * Int64(barArea) / scale.maxPence) }
        var parts = ["<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Expected earning by profile, least first, in pounds\">"]
        for tick in scale.ticks {
            let tx = x(Money(pence: tick))
            parts.append("<line class=\"grid\" x1=\"\(tx)\" y1=\"\(top)\" x2=\"\(tx)\" y2=\"\(plotBottom)\"/>")
            parts.append("<text x=\"\(tx)\" y=\"\(plotBottom + 16)\" text-anchor=\"middle\">\(escape(pounds(tick)))</text>")
        }
        for (index, earning) in earnings.enumerated() {
            let y = top + index * rowHeight + (rowHeight - barHeight) / 2
            let label = "\(earning.rank). \(shortLabel(earning.profile))"
            parts.append("<text x=\"\(labelWidth - 6)\" y=\"\(y + barHeight - 2)\" text-anchor=\"end\">\(escape(label))</text>")
            parts.append("<rect class=\"most\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(x(earning.most) - labelWidth)\" height=\"\(barHeight)\">"
                + "<title>\(escape("most \(earning.most.sterling)"))</title></rect>")
            parts.append("<rect class=\"expected\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(x(earning.expected) - labelWidth)\" height=\"\(barHeight)\">"
                + "<title>\(escape("expected \(earning.expected.sterling)"))</title></rect>")
            parts.append("<text x=\"\(x(earning.expected) + 4)\" y=\"\(y + barHeight - 2)\">\(escape(earning.expected.sterling))</text>")
        }
        parts.append("<line class=\"axis\" x1=\"\(labelWidth)\" y1=\"\(plotBottom)\" x2=\"\(labelWidth + barArea)\" y2=\"\(plotBottom)\"/>")
        parts.append("<line class=\"axis\" x1=\"\(labelWidth)\" y1=\"\(top)\" x2=\"\(labelWidth)\" y2=\"\(plotBottom)\"/>")
        parts.append("<text x=\"\(labelWidth + barArea / 2)\" y=\"\(plotBottom + 36)\" text-anchor=\"middle\">"
            + "Earning per client (£): expected on the stated rates, and the most</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// What the profile has, leaving out what it has not: `alcohol, in work, band 1` is not offending,
    /// not injecting and housed (the chart's legend says so).
    static func shortLabel(_ profile: ProofProfile) -> String {
        var parts = [profile.substancesLabel]
        if profile.offending { parts.append("offending") }
        if profile.injecting { parts.append("injecting") }
        if profile.housingProblem { parts.append("housing problem") }
        if profile.inWork { parts.append("in work") }
        return (parts + ["band \(profile.band)"]).joined(separator: ", ")
    }

    /// Ticks every 50, 100, 200, 250, 500, 1,000... pounds, at most 8 of them, and the axis's end (the
    /// last tick at or above `largest`), in pence.
    static func axis(for largest: Money) -> (ticks: [Int64], maxPence: Int64) {
        let steps: [Int64] = [50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 50_000, 100_000].map { $0 * 100 }
        let step = steps.first { largest.pence <= $0 * 8 } ?? steps.last!
        let end = max(step, (largest.pence + step - 1) / step * step)
        return (Array(stride(from: Int64(0), through: end, by: Int(step))), end)
    }

    /// `£1,000` for a whole number of pounds.
    static func pounds(_ pence: Int64) -> String {
        let sterling = Money(pence: pence).sterling
        return sterling.hasSuffix(".00") ? String(sterling.dropLast(3)) : sterling
    }
}
