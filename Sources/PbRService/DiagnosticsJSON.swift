import Foundation
import PbRCore

/// The diagnostics file (DOMAIN.md, "Diagnostics: data out"). Beyond the fixed keys it adds, and
/// says so in docs/diagnostics.md: `monitored` (the months judged), each alert's `client_ids`, and
/// each series' points.
public enum DiagnosticsJSON {
    public static func bytes(_ report: DiagnosticsReport) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and rounded numbers cannot fail to encode.
        return Array((try? encoder.encode(File(report))) ?? Data()) + [UInt8(ascii: "\n")]
    }

    /// Four decimals: the statistics are not more exact than that, and the file stays the same run to run.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 + 0 }

    struct Months: Encodable {
        var from: String
        var to: String
        init(_ range: ClosedRange<StatementPeriod>) { from = range.lowerBound.description; to = range.upperBound.description }
    }

    struct File: Encodable {
        var contract: String
        var asOf: String
        var baseline: Months
        var monitored: Months?
        var diagnostics: [Entry]

        init(_ report: DiagnosticsReport) {
            contract = report.contractID
            asOf = report.asOf.description
            baseline = Months(report.baseline)
            monitored = report.monitored.map(Months.init)
            diagnostics = report.diagnostics.map(Entry.init)
        }

        enum CodingKeys: String, CodingKey { case contract, asOf = "as_of", baseline, monitored, diagnostics }

        func encode(to encoder: any Encoder) throws {
            var keys = encoder.container(keyedBy: CodingKeys.self)
            try keys.encode(contract, forKey: .contract)
            try keys.encode(asOf, forKey: .asOf)
            try keys.encode(baseline, forKey: .baseline)
            try keys.encode(monitored, forKey: .monitored)
            try keys.encode(diagnostics, forKey: .diagnostics)
        }
    }

    struct Entry: Encodable {
        var id: String
        var method: String
        var falseAlarmRate: String
        var alerts: [Alert]
        var series: [Series]
        var funnels: [Plot]

        init(_ diagnostic: Diagnostic) {
            id = diagnostic.id
            method = diagnostic.method
            falseAlarmRate = diagnostic.falseAlarmRate
            alerts = diagnostic.alerts.map(Alert.init)
            series = diagnostic.series.map(Series.init)
            funnels = diagnostic.funnels.map(Plot.init)
        }

        enum CodingKeys: String, CodingKey { case id, method, falseAlarmRate = "false_alarm_rate", alerts, series, funnels }
    }

    struct Alert: Encodable {
        var alert: DiagnosticAlert
        init(_ alert: DiagnosticAlert) { self.alert = alert }

        enum CodingKeys: String, CodingKey {
            case provider = "provider_id", band, firstMonth = "first_month", statistic, threshold, clients, clientIDs = "client_ids", message
        }

        func encode(to encoder: any Encoder) throws {
            var keys = encoder.container(keyedBy: CodingKeys.self)
            try keys.encode(alert.provider?.rawValue, forKey: .provider)
            try keys.encode(alert.band?.value, forKey: .band)
            try keys.encode(alert.firstMonth.description, forKey: .firstMonth)
            try keys.encode(rounded(alert.statistic), forKey: .statistic)
            try keys.encode(rounded(alert.threshold), forKey: .threshold)
            try keys.encode(alert.clients.count, forKey: .clients)
            try keys.encode(alert.clients.map(\.rawValue), forKey: .clientIDs)
            try keys.encode(alert.message, forKey: .message)
        }
    }

    struct Series: Encodable {
        var series: DiagnosticSeries
        init(_ series: DiagnosticSeries) { self.series = series }

        enum CodingKeys: String, CodingKey { case provider = "provider_id", band, measure, baseline, threshold, note, points }
        enum PointKeys: String, CodingKey { case month, count, trials, expected, statistic }

        func encode(to encoder: any Encoder) throws {
            var keys = encoder.container(keyedBy: CodingKeys.self)
            try keys.encode(series.provider?.rawValue, forKey: .provider)
            try keys.encode(series.band?.value, forKey: .band)
            try keys.encode(series.measure?.id, forKey: .measure)
            try keys.encode(rounded(series.baseline), forKey: .baseline)
            try keys.encode(series.threshold.map(rounded), forKey: .threshold)
            try keys.encode(series.note, forKey: .note)
            var points = keys.nestedUnkeyedContainer(forKey: .points)
            for point in series.points {
                var each = points.nestedContainer(keyedBy: PointKeys.self)
                try each.encode(point.month.description, forKey: .month)
                try each.encode(point.count, forKey: .count)
                try each.encode(point.trials, forKey: .trials)
                try each.encode(rounded(point.expected), forKey: .expected)
                try each.encode(rounded(point.statistic), forKey: .statistic)
            }
        }
    }

    /// A funnel plot as of the last month judged: what it compares, its target and over-dispersion, the
    /// months counted, and each provider's count, denominator and figure.
    struct Plot: Encodable {
        var plot: FunnelPlot
        init(_ plot: FunnelPlot) { self.plot = plot }

        enum CodingKeys: String, CodingKey { case figure, denominator, kind, side, target, dispersion, from, to, points }
        enum PointKeys: String, CodingKey { case provider = "provider_id", observed, denominator, figure, outside }

        func encode(to encoder: any Encoder) throws {
            var keys = encoder.container(keyedBy: CodingKeys.self)
            try keys.encode(plot.figureTitle, forKey: .figure)
            try keys.encode(plot.denominatorTitle, forKey: .denominator)
            try keys.encode(plot.funnel.kind.rawValue, forKey: .kind)
            try keys.encode(plot.side.rawValue, forKey: .side)
            try keys.encode(rounded(plot.funnel.target), forKey: .target)
            try keys.encode(rounded(plot.funnel.dispersion), forKey: .dispersion)
            try keys.encode(plot.months.lowerBound.description, forKey: .from)
            try keys.encode(plot.months.upperBound.description, forKey: .to)
            var points = keys.nestedUnkeyedContainer(forKey: .points)
            for point in plot.points {
                var each = points.nestedContainer(keyedBy: PointKeys.self)
                try each.encode(point.provider.rawValue, forKey: .provider)
                try each.encode(point.observed, forKey: .observed)
                try each.encode(rounded(point.denominator), forKey: .denominator)
                try each.encode(rounded(point.figure), forKey: .figure)
                try each.encode(point.isOutside, forKey: .outside)
            }
        }
    }
}
