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
        func othersRate(_ provider: ProviderID, _ months: [StatementPeriod]) -> [Band: Double] {
            func sum(_ measure: AreaTallies.Measure, _ who: ProviderID?, _ band: Band) -> Int {
                months.reduce(0) { $0 + tallies.tally(AreaTallies.Key(measure, provider: who, band: band), $1).count }
            }
            var rate: [Band: Double] = [:]
            for band in Band.all {
                let atRisk = sum(.atRisk, nil, band) - sum(.atRisk, provider, band)
                rate[band] = atRisk == 0 ? 0 : Double(sum(.deaths, nil, band) - sum(.deaths, provider, band)) / Double(atRisk)
            }
            return rate
        }
        func due(_ provider: ProviderID, _ month: StatementPeriod, _ rate: [Band: Double]) -> Double {
            Band.all.reduce(0.0) { $0 + Double(tallies.tally(AreaTallies.Key(.atRisk, provider: provider, band: $1), month).count) * rate[$1]! }
        }
        let dispersion = overdispersion(providers, expected: due)
        return providers.map { provider in
            // The others' rate for each band, over every month counted.
            let rate = othersRate(provider, all)
            let key = AreaTallies.Key(.deaths, provider: provider)
            var observed = 0, expected = 0.0, clients: [ClientID] = []
            var points: [DiagnosticSeries.Point] = [], alert: DiagnosticAlert?
            let threshold = -log10(Self.funnelLimit)
            for month in all {
                let tally = tallies.tally(key, month)
                let thisMonth = due(provider, month, rate)
                observed += tally.count
                expected += thisMonth
                clients += tally.clients
                // Over-dispersed counts are judged as a Poisson of the counts divided by the dispersion.
                let scaled = DiagnosticMath.poissonUpperTail(Int(Double(observed) / dispersion), expected / dispersion)
                let statistic = abs(log10(max(scaled, 1e-300)))
                points.append(.init(month: month, count: tally.count, trials: 0, expected: thisMonth, statistic: statistic))
                if alert == nil, let monitored, month >= monitored.lowerBound, statistic > threshold {
                    alert = DiagnosticAlert(provider: provider, band: nil, firstMonth: month, statistic: statistic, threshold: threshold,
                                            clients: Set(clients).sorted(),
                                            message: "deaths at \(provider) (in treatment or within a year of discharge): \(observed) from \(all[0]) to \(month) "
                                                + "against \(Self.figure(expected)) expected at the other providers' rates by band: above the funnel's 99.8% limit"
                                                + (dispersion > 1 ? " (widened for over-dispersion \(Self.figure(dispersion)))" : ""))
                }
            }
            let series = DiagnosticSeries(provider: provider, band: nil, baseline: expected / Double(max(all.count, 1)), threshold: threshold,
                                          note: "funnel: cumulative from the baseline's first month against the other providers; over-dispersion \(Self.figure(dispersion))",
                                          points: points)
            return .init(series: series, alert: alert)
        }
    }

    /// Spiegelhalter's over-dispersion factor for the funnel (*Statistics in Medicine* 2005), from the
    /// baseline: the mean squared z-score of the providers' deaths against the area's rate, the highest
    /// and lowest tenth (at least one each) pulled in to their neighbours first, so that one provider far
    /// out cannot widen the funnel that should catch it. Used only when it passes the test for
    /// over-dispersion (k times it above chi-squared's 95th point with k degrees of freedom); else 1.
    func overdispersion(_ providers: [ProviderID], expected: (ProviderID, StatementPeriod, [Band: Double]) -> Double) -> Double {
        let months = SeriesMonitor(tallies: tallies, baseline: baseline, monitored: nil, falseAlarm: 0).months(baseline)
        var rate: [Band: Double] = [:]
        for band in Band.all {
            let atRisk = months.reduce(0) { $0 + tallies.tally(AreaTallies.Key(.atRisk, band: band), $1).count }
            let deaths = months.reduce(0) { $0 + tallies.tally(AreaTallies.Key(.deaths, band: band), $1).count }
            rate[band] = atRisk == 0 ? 0 : Double(deaths) / Double(atRisk)
        }
        var scores: [Double] = providers.compactMap { provider in
            let due = months.reduce(0.0) { $0 + expected(provider, $1, rate) }
            guard due > 0 else { return nil }
            let seen = months.reduce(0) { $0 + tallies.tally(AreaTallies.Key(.deaths, provider: provider), $1).count }
            return (Double(seen) - due) / due.squareRoot()
        }.sorted()
        let k = scores.count
        guard k >= 4 else { return 1 }
        let pulled = max(1, k / 10)
        for index in 0..<pulled {
            scores[index] = scores[pulled]
            scores[k - 1 - index] = scores[k - 1 - pulled]
        }
        let factor = scores.reduce(0) { $0 + $1 * $1 } / Double(k)
        let chiSquared95 = Double(k) + 1.645 * (2 * Double(k)).squareRoot()
        return Double(k) * factor > chiSquared95 ? factor : 1
    }
}
