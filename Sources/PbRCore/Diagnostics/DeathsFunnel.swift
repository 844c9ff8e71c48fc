#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deaths at each provider against the rest of the area: the funnel plot's test. A provider whose
/// deaths have long been high has no change for a CUSUM to see; against the other providers' rates by
/// band, over the baseline and the months since, it stands out.
extension AreaDiagnostics.Run {
    /// The funnel's one-sided limit: outside 99.8% (p below 0.001), as in Spiegelhalter's funnel plots.
    static let funnelLimit = 0.001

    func deathsFunnel() -> [SeriesMonitor.Outcome] {
        let providers = tallies.keys(.deaths).compactMap { $0.band == nil ? $0.provider : nil }
        let all = SeriesMonitor(tallies: tallies, baseline: baseline, monitored: monitored, falseAlarm: 0)
            .months(baseline.lowerBound...(monitored?.upperBound ?? baseline.upperBound))
        func total(_ measure: AreaTallies.Measure, _ provider: ProviderID?, _ band: Band) -> Int {
            all.reduce(0) { $0 + tallies.tally(AreaTallies.Key(measure, provider: provider, band: band), $1).count }
        }
        return providers.map { provider in
            // The others' rate for each band, over every month counted.
            var rate: [Band: Double] = [:]
            for band in Band.all {
                let atRisk = total(.atRisk, nil, band) - total(.atRisk, provider, band)
                rate[band] = atRisk == 0 ? 0 : Double(total(.deaths, nil, band) - total(.deaths, provider, band)) / Double(atRisk)
            }
            let key = AreaTallies.Key(.deaths, provider: provider)
            var observed = 0, expected = 0.0, clients: [ClientID] = []
            var points: [DiagnosticSeries.Point] = [], alert: DiagnosticAlert?
            let threshold = -log10(Self.funnelLimit)
            for month in all {
                let tally = tallies.tally(key, month)
                let due = Band.all.reduce(0.0) { $0 + Double(tallies.tally(AreaTallies.Key(.atRisk, provider: provider, band: $1), month).count) * rate[$1]! }
                observed += tally.count
                expected += due
                clients += tally.clients
                let statistic = abs(log10(max(DiagnosticMath.poissonUpperTail(observed, expected), 1e-300)))
                points.append(.init(month: month, count: tally.count, trials: 0, expected: due, statistic: statistic))
                if alert == nil, let monitored, month >= monitored.lowerBound, statistic > threshold {
                    alert = DiagnosticAlert(provider: provider, band: nil, firstMonth: month, statistic: statistic, threshold: threshold,
                                            clients: Set(clients).sorted(),
                                            message: "deaths at \(provider) (in treatment or within a year of discharge): \(observed) from \(all[0]) to \(month) "
                                                + "against \(Self.figure(expected)) expected at the other providers' rates by band: above the funnel's 99.8% limit")
                }
            }
            let series = DiagnosticSeries(provider: provider, band: nil, baseline: expected / Double(max(all.count, 1)), threshold: threshold,
                                          note: "funnel: cumulative from the baseline's first month against the other providers", points: points)
            return .init(series: series, alert: alert)
        }
    }
}
