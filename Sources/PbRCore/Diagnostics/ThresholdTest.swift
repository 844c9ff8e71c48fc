#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bunching at a threshold: of the events within a few days either side of it, are too many just past
/// it? An exact binomial test of the months so far against the share the baseline had on that side
/// (or half, with too little baseline), looked at month by month.
struct ThresholdTest: Sendable {
    let monitor: SeriesMonitor
    /// Each look's significance: the measure's 5% a year shared among its series and a year's 12 looks.
    var perLook: Double { monitor.falseAlarm / 12 }

    func run(_ key: AreaTallies.Key, describe: (_ after: Int, _ near: Int, _ share: Double, _ through: StatementPeriod) -> String) -> SeriesMonitor.Outcome {
        let tallies = monitor.tallies
        let base = monitor.months(monitor.baseline).map { tallies.tally(key, $0) }
        let (baseAfter, baseNear) = base.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.trials) }
        // A baseline share is trusted from 20 events on; below that, either side is as likely.
        let share = baseNear >= 20 ? min(max(Double(baseAfter) / Double(baseNear), 0.05), 0.95) : 0.5
        var points = monitor.months(monitor.baseline).map { month in
            let tally = tallies.tally(key, month)
            return DiagnosticSeries.Point(month: month, count: tally.count, trials: tally.trials, expected: share, statistic: 0)
        }
        let threshold = -log10(perLook)
        var series = DiagnosticSeries(provider: key.provider, band: key.band, baseline: share, threshold: threshold, note: nil, points: points, measure: key.measure)
        var after = 0, near = 0
        var alert: DiagnosticAlert?
        var clients: [ClientID] = []
        for month in monitor.months(monitor.monitored) {
            let tally = tallies.tally(key, month)
            after += tally.count
            near += tally.trials
            clients += tally.clients
            let p = DiagnosticMath.binomialUpperTail(after, near, share)
            let statistic = abs(log10(max(p, 1e-300)))
            points.append(.init(month: month, count: tally.count, trials: tally.trials, expected: share, statistic: statistic))
            if alert == nil, statistic > threshold {
                alert = DiagnosticAlert(provider: key.provider, band: key.band, firstMonth: month, statistic: statistic, threshold: threshold,
                                        clients: Set(clients).sorted(), message: describe(after, near, share, month))
            }
        }
        series.points = points
        return .init(series: series, alert: alert)
    }
}
