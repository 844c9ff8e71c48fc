/// Runs one CUSUM over one series: its months from the tallies, what the baseline expected of each,
/// the simulated decision limit, and the alert if the sum crosses it.
struct SeriesMonitor: Sendable {
    let tallies: AreaTallies
    let baseline: ClosedRange<StatementPeriod>
    let monitored: ClosedRange<StatementPeriod>?
    /// The false-alarm rate of each series: the measure's 5% a year shared among its series.
    let falseAlarm: Double

    /// What a month is expected to hold, from the baseline's tallies of the same key.
    enum Expectation {
        /// The baseline's mean count a month.
        case meanCount
        /// The baseline's share of trials counted.
        case share
        /// A figure the diagnostic computes for each month (deaths among those at risk, by band).
        case perMonth(baseline: Double, (StatementPeriod) -> Double)
    }

    struct Outcome {
        var series: DiagnosticSeries
        var alert: DiagnosticAlert?

        func measuring(_ measure: AreaTallies.Measure) -> Outcome {
            var outcome = self
            outcome.series.measure = measure
            return outcome
        }
    }

    func months(_ range: ClosedRange<StatementPeriod>?) -> [StatementPeriod] {
        guard let range else { return [] }
        return (0...range.lowerBound.months(to: range.upperBound)).map { StatementPeriod(containing: range.lowerBound.firstDay.adding(months: $0)) }
    }

    /// - Parameters:
    ///   - judged: the last month whose figures are complete (months after it are left out).
    ///   - estimatedFrom: for a figure computed per month, the count its rates were estimated from.
    ///   - describe: the alert's message from the counts of the months that raised it and what was expected of them.
    func run(_ key: AreaTallies.Key, design: Cusum.Design, expectation: Expectation, judged: StatementPeriod? = nil,
             minimumBaseline: Int = 5, estimatedFrom: Int? = nil, describe: (_ count: Int, _ trials: Int, _ expected: Double, _ months: ClosedRange<StatementPeriod>) -> String) -> Outcome {
        let cusum = Cusum(design)
        func isJudged(_ month: StatementPeriod) -> Bool { judged.map { month <= $0 } ?? true }
        let base = months(baseline).filter(isJudged).map { tallies.tally(key, $0) }
        let (baseCount, baseTrials) = base.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.trials) }
        let figure: Double
        switch expectation {
        case .meanCount: figure = base.isEmpty ? 0 : Double(baseCount) / Double(base.count)
        case .share: figure = baseTrials == 0 ? 0 : Double(baseCount) / Double(baseTrials)
        case .perMonth(let baseline, _): figure = baseline
        }
        func expected(_ month: StatementPeriod) -> Double {
            switch expectation {
            case .meanCount, .share: figure
            case .perMonth(_, let each): each(month)
            }
        }
        var points = months(baseline).map { month in
            let tally = tallies.tally(key, month)
            return DiagnosticSeries.Point(month: month, count: tally.count, trials: tally.trials, expected: expected(month), statistic: 0)
        }
        var series = DiagnosticSeries(provider: key.provider, band: key.band, baseline: figure, threshold: nil, note: nil, points: points, measure: key.measure)
        let enough: Bool
        switch design {
        case .poisson: enough = baseCount >= minimumBaseline && figure > 0
        case .bernoulli: enough = baseTrials >= 4 * minimumBaseline && figure > 0 && figure < 1
        }
        guard enough else {
            series.note = "not monitored: \(baseCount) in the baseline's \(base.count) months is too few to judge a change by"
            return Outcome(series: series)
        }
        let watched = months(monitored).filter(isJudged)
        let observed = watched.map { month in
            let tally = tallies.tally(key, month)
            return Cusum.Month(count: tally.count, trials: tally.trials, expected: expected(month))
        }
        let plan: [Cusum.Month]
        switch design {
        case .poisson: plan = observed.isEmpty ? [Cusum.Month(count: 0, expected: figure)] : observed
        case .bernoulli:
            let trials = max(1, baseTrials / max(base.count, 1))
            plan = observed.contains { $0.trials > 0 } ? observed : [Cusum.Month(count: 0, trials: trials, expected: figure)]
        }
        // The figures were estimated on the baseline; for deaths, on the whole area's (its count is the larger).
        let estimate: Cusum.Estimate
        switch expectation {
        case .meanCount, .share: estimate = Cusum.Estimate(count: baseCount, trials: baseTrials)
        case .perMonth: estimate = Cusum.Estimate(count: max(baseCount, estimatedFrom ?? 0), trials: baseTrials)
        }
        let limit = cusum.decisionLimit(plan: plan, falseAlarm: falseAlarm, seed: DiagnosticMath.seed("\(key)"), estimatedFrom: estimate)
        series.threshold = limit
        let path = cusum.path(observed)
        points += zip(watched, zip(observed, path)).map { month, pair in
            DiagnosticSeries.Point(month: month, count: pair.0.count, trials: pair.0.trials, expected: pair.0.expected, statistic: pair.1)
        }
        series.points = points
        guard let crossing = path.firstIndex(where: { $0 > limit }) else { return Outcome(series: series) }
        // The months that raised it: from the sum's last return to 0 to its crossing.
        let run = (path[..<crossing].lastIndex { $0 == 0 }.map { $0 + 1 } ?? 0)...crossing
        let upTo = watched[run]
        let count = observed[run].reduce(0) { $0 + $1.count }, trials = observed[run].reduce(0) { $0 + $1.trials }
        let expectedSum = observed[run].reduce(0.0) {
            if case .bernoulli = design { return $0 + $1.expected * Double($1.trials) }
            return $0 + $1.expected
        }
        let clients = Set(upTo.flatMap { tallies.tally(key, $0).clients }).sorted()
        let alert = DiagnosticAlert(provider: key.provider, band: key.band, firstMonth: watched[crossing], statistic: path[crossing],
                                    threshold: limit, clients: clients, message: describe(count, trials, expectedSum, watched[run.lowerBound]...watched[crossing]))
        return Outcome(series: series, alert: alert)
    }
}
