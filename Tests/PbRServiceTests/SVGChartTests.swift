import Foundation
import PbRCore
@testable import PbRService
import Testing

/// The month axis of the report charts: however many months, the months' labels never run into each other.
@Suite("Charts: the month axis")
struct SVGChartTests {
    /// The x of each month label drawn along the bottom axis.
    func labelPositions(months count: Int) -> [Double] {
        var month = StatementPeriod("2012-04")!
        var months: [StatementPeriod] = []
        for _ in 0..<count { months.append(month); month = month.next }
        let chart = SVGChart(months: months, values: 0...1, yTitle: "£")
        let labelY = "\(SVGChart.top + chart.plotHeight + 16)"
        return chart.axes().compactMap { part -> Double? in
            guard let range = part.range(of: "<text class=\"tick\" x=\""), part.contains("y=\"\(labelY)\"") else { return nil }
            return Double(part[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test(arguments: [12, 36, 58, 120])
    func monthLabelsAreAtLeastALabelsWidthApart(months: Int) {
        let xs = labelPositions(months: months)
        #expect(xs.count >= 4)
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= SVGChart.monthLabelWidth })
    }

    @Test func aYearIsLabelledEveryMonthThreeYearsEachQuarterASimulationsFiveEachHalfYear() {
        // 566 units of plot: 12 months 47 apart; 36 months 15.7 apart, a quarter 47; 58 months 9.8 apart, a quarter 29, a half year 59.
        #expect(labelPositions(months: 12).count == 12)
        #expect(labelPositions(months: 36).count == 12)
        #expect(labelPositions(months: 58).count == 10)
    }
}
