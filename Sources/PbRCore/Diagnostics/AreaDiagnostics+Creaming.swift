extension AreaDiagnostics.Run {
    /// Who starts, and how fast: among the starts, the share of clients in band 4 or 5 (a Bernoulli CUSUM
    /// for a fall) and the share after a long wait (for a rise), for the area and each provider; among the
    /// assessed, the share not started within the window (for a rise, for the area and each band); and the
    /// providers compared in funnels on the band 4-5 share and the long waits, where a provider that has
    /// always been different stands out.
    func creaming() -> Diagnostic {
        let bands = tallies.keys(.startsInBands4And5), waits = tallies.keys(.longWaits), assessed = tallies.keys(.assessedNotStarted)
        let window = AreaTallies.startWindowDays, longWait = AreaTallies.longWaitDays
        // The 5% a year is shared among all the diagnostic's CUSUMs.
        let monitor = monitor(bands.count + waits.count + assessed.count)
        let starting = bands.map { key in
            monitor.run(key, design: .bernoulli(oddsRatio: 0.5), expectation: .share) { count, trials, expected, through in
                "band 4-5 clients were \(count) of the \(trials) starts \(who(key)) \(range(through)), "
                    + "against \(Self.figure(expected)) expected from the baseline's share"
            }
        }
        let slow = waits.map { key in
            monitor.run(key, design: .bernoulli(oddsRatio: 2), expectation: .share) { count, trials, expected, through in
                "starts more than \(longWait) days after the assessment \(who(key)) rose: \(count) of the \(trials) starts after an assessment "
                    + "\(range(through)), against \(Self.figure(expected)) expected from the baseline's share"
            }
        }
        // A month's assessments are judged once its last day's window has passed.
        let lastJudged = StatementPeriod(containing: asOf.adding(days: -(window - 1))).previous
        let waiting = assessed.map { key in
            monitor.run(key, design: .bernoulli(oddsRatio: 2), expectation: .share, judged: lastJudged) { count, trials, expected, through in
                "assessed clients \(who(key)) not started within \(window) days: \(count) of the \(trials) assessed out of treatment \(range(through)), "
                    + "against \(Self.figure(expected)) expected from the baseline's share"
            }
        }
        var creaming = diagnostic("creaming", method: "Bernoulli CUSUM of the share of starts whose client is in band 4 or 5 on the start day, "
            + "against the baseline's share, tuned to its odds halving; Bernoulli CUSUM of the share of starts more than \(longWait) days after "
            + "the assessment that led to them, tuned to its odds doubling; Bernoulli CUSUM of the share of assessments made out of treatment "
            + "with no start within \(window) days, for the area and each band (an assessment names no provider), tuned to its odds doubling, "
            + "a month judged once its window has passed; decision limits simulated. And funnel plots comparing the providers from the "
            + "baseline's first month (binomial, outside 99.8%, over-dispersion estimated on the baseline) on the share of starts in band 4 or 5 "
            + "and on the share of starts more than \(longWait) days after the assessment", starting + slow + waiting)
        for design in [ShareFunnel(measure: .startsInBands4And5, window: .sinceBaselineStart, side: .low,
                                   figureTitle: "share of starts whose client is in band 4 or 5", trialsTitle: "starts", counted: "band 4-5 clients were"),
                       ShareFunnel(measure: .longWaits, window: .sinceBaselineStart, side: .high,
                                   figureTitle: "share of starts more than \(longWait) days after the assessment", trialsTitle: "starts after an assessment",
                                   counted: "starts more than \(longWait) days after the assessment were")] {
            let funnel = funnel(design)
            creaming.add(funnel: funnel.outcomes)
            creaming.funnels += funnel.plot.map { [$0] } ?? []
        }
        creaming.falseAlarmRate += "; each funnel's test 0.1% a look for each provider"
        return creaming
    }
}
