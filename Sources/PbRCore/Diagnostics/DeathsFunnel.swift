/// Deaths at each provider against the rest of the area: the funnel plot's test. A provider whose
/// deaths have long been high has no change for a CUSUM to see; against the other providers' rates by
/// band, over the baseline and the months since, it stands out.
extension AreaDiagnostics.Run {
    func deathsFunnel() -> (outcomes: [SeriesMonitor.Outcome], plot: FunnelPlot?) {
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
        // The others' rate for each band, over every month counted.
        let rates = Dictionary(uniqueKeysWithValues: providers.map { ($0, othersRate($0, all)) })
        func standing(_ provider: ProviderID, _ through: StatementPeriod) -> FunnelRun.Standing {
            let months = all.filter { $0 <= through }, key = AreaTallies.Key(.deaths, provider: provider)
            return .init(observed: months.reduce(0) { $0 + tallies.tally(key, $1).count },
                         denominator: months.reduce(0.0) { $0 + due(provider, $1, rates[provider]!) },
                         clients: months.flatMap { tallies.tally(key, $0).clients })
        }
        let run = FunnelRun(kind: .poisson, side: .high, dispersion: dispersion, shown: all, judged: all, alertsFrom: monitored?.lowerBound,
                            target: { _ in 1 }, standing: standing) { provider, month in
            DiagnosticSeries.Point(month: month, count: tallies.tally(AreaTallies.Key(.deaths, provider: provider), month).count, trials: 0,
                                   expected: due(provider, month, rates[provider]!), statistic: 0)
        }
        let result = run.run(providers, baseline: { standing($0, all.last!).denominator / Double(max(all.count, 1)) },
                             note: "funnel: cumulative from the baseline's first month against the other providers; over-dispersion \(Self.figure(dispersion))") {
            provider, standing, _, month in
            "deaths at \(provider) (in treatment or within a year of discharge): \(standing.observed) from \(all[0]) to \(month) "
                + "against \(Self.figure(standing.denominator)) expected at the other providers' rates by band: above the funnel's 99.8% limit"
                + (dispersion > 1 ? " (widened for over-dispersion \(Self.figure(dispersion)))" : "")
        }
        let plot = result.funnel.map {
            FunnelPlot(figureTitle: "deaths / expected at the other providers' rates by band", denominatorTitle: "deaths expected",
                       funnel: $0, side: .high, months: all[0]...all.last!, points: result.plot)
        }
        return (result.outcomes.map { $0.measuring(.deaths) }, plot)
    }

    /// Spiegelhalter's over-dispersion factor for the deaths funnel, from the baseline: the providers'
    /// deaths against the area's baseline rates by band, as z-scores (`Funnel.overdispersion`).
    func overdispersion(_ providers: [ProviderID], expected: (ProviderID, StatementPeriod, [Band: Double]) -> Double) -> Double {
        let months = SeriesMonitor(tallies: tallies, baseline: baseline, monitored: nil, falseAlarm: 0).months(baseline)
        var rate: [Band: Double] = [:]
        for band in Band.all {
            let atRisk = months.reduce(0) { $0 + tallies.tally(AreaTallies.Key(.atRisk, band: band), $1).count }
            let deaths = months.reduce(0) { $0 + tallies.tally(AreaTallies.Key(.deaths, band: band), $1).count }
            rate[band] = atRisk == 0 ? 0 : Double(deaths) / Double(atRisk)
        }
        let scores: [Double] = providers.compactMap { provider in
            let due = months.reduce(0.0) { $0 + expected(provider, $1, rate) }
            let seen = months.reduce(0) { $0 + tallies.tally(AreaTallies.Key(.deaths, provider: provider), $1).count }
            return Funnel.zScore(.poisson, observed: seen, denominator: due, target: 1)
        }
        return Funnel.overdispersion(scores)
    }
}
