extension AreaDiagnostics.Run {
    /// Clients kept without review: at each month's end, the share of those in treatment over 6 months
    /// with no review in the last 6 (a Bernoulli CUSUM for a rise, for the area and each provider), and
    /// the providers compared on it in a funnel, month's end by month's end.
    func parking() -> Diagnostic {
        let keys = tallies.keys(.parked)
        let monitor = monitor(keys.count)
        let outcomes = keys.map { key in
            monitor.run(key, design: .bernoulli(oddsRatio: 2), expectation: .share) { count, trials, expected, through in
                "clients in treatment over 6 months with no review in the last 6 \(who(key)): \(count) of \(trials) month-ends \(range(through)), "
                    + "against \(Self.figure(expected)) expected"
            }
        }
        var parking = diagnostic("parking", method: "Bernoulli CUSUM, at each month's end, of the clients in treatment more than 6 months "
            + "who had no review in the last 6, against the baseline's share, tuned to its odds doubling; decision limit simulated. "
            + "And a funnel plot comparing the providers on that share at each month's end (binomial, outside 99.8%, over-dispersion "
            + "estimated on the baseline's last month's end)", outcomes)
        let funnel = funnel(ShareFunnel(measure: .parked, window: .monthEnd, side: .high,
                                        figureTitle: "share of clients in treatment over 6 months with no review in the last 6",
                                        trialsTitle: "clients in treatment over 6 months", counted: "clients with no review in the last 6 months were"))
        parking.add(funnel: funnel.outcomes)
        parking.funnels += funnel.plot.map { [$0] } ?? []
        parking.falseAlarmRate += "; the funnel's test 0.1% a look for each provider"
        return parking
    }
}
