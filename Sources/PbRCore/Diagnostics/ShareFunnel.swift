/// The providers compared on a share (band 4-5 starts, long waits, clients parked): each provider's
/// share against the area's pooled share over the same months, in a binomial funnel widened for the
/// over-dispersion between providers in the baseline.
struct ShareFunnel {
    /// Which months a provider's share at a month is made of.
    enum Window {
        /// A flow (starts): the months from the baseline's first to the month, added up, as for deaths:
        /// a provider that has always been different stands out at once, where its CUSUM sees no change
        /// (a change from the contract's start is the CUSUM's to see).
        case sinceBaselineStart
        /// A stock counted at each month's end (the clients parked): that month alone, each client once.
        case monthEnd
    }

    var measure: AreaTallies.Measure
    var window: Window
    /// The side a harm shows on: fewer band 4-5 starts; more long waits, more parked clients.
    var side: Funnel.Side
    /// The share, for the plot's y axis and the messages ("share of starts whose client is in band 4 or 5").
    var figureTitle: String
    /// What the trials are, for the plot's x axis ("starts").
    var trialsTitle: String
    /// What the count is, in a message ("band 4-5 clients were").
    var counted: String
}

extension AreaDiagnostics.Run {
    /// The funnel's series and alerts (one a provider), and its plot at the last month judged.
    func funnel(_ design: ShareFunnel) -> (outcomes: [SeriesMonitor.Outcome], plot: FunnelPlot?) {
        let key = { (provider: ProviderID?) in AreaTallies.Key(design.measure, provider: provider) }
        let providers = tallies.keys(design.measure).compactMap { $0.band == nil ? $0.provider : nil }
        let months = SeriesMonitor(tallies: tallies, baseline: baseline, monitored: monitored, falseAlarm: 0)
        // Judged at every month, so that the series show the test before the contract too; alerts from its start.
        let shown = months.months(baseline) + months.months(monitored), judged = shown
        func standing(_ provider: ProviderID?, _ over: [StatementPeriod]) -> FunnelRun.Standing {
            let each = over.map { tallies.tally(key(provider), $0) }
            return .init(observed: each.reduce(0) { $0 + $1.count }, denominator: Double(each.reduce(0) { $0 + $1.trials }),
                         clients: each.flatMap(\.clients))
        }
        func window(_ month: StatementPeriod) -> [StatementPeriod] {
            design.window == .monthEnd ? [month] : judged.filter { $0 <= month }
        }
        func share(_ standing: FunnelRun.Standing) -> Double { standing.denominator > 0 ? Double(standing.observed) / standing.denominator : 0 }
        // Over-dispersion from the baseline: its 24 months added up for a flow, its last month's end for a stock.
        // The z-scores are taken from the median provider's share, not the pooled one: with few providers one
        // far out would pull the pooled share and make every other provider look over-dispersed.
        let dispersionMonths = design.window == .monthEnd ? [baseline.upperBound] : months.months(baseline)
        let based = providers.map { standing($0, dispersionMonths) }.filter { $0.denominator > 0 }
        let centre = Self.median(based.map(share))
        let dispersion = Funnel.overdispersion(based.compactMap {
            Funnel.zScore(.binomial, observed: $0.observed, denominator: $0.denominator, target: centre)
        })
        let run = FunnelRun(kind: .binomial, side: design.side, dispersion: dispersion, shown: shown, judged: judged,
                            alertsFrom: monitored?.lowerBound, target: { share(standing(nil, window($0))) },
                            standing: { standing($0, window($1)) }) { provider, month in
            // The month's expected share: the area's pooled share its test judged against.
            let tally = tallies.tally(key(provider), month), expected = share(standing(nil, window(month)))
            return DiagnosticSeries.Point(month: month, count: tally.count, trials: tally.trials, expected: expected, statistic: 0)
        }
        let over = design.window == .monthEnd ? "at each month's end" : "from the baseline's first month"
        let note = "funnel: the \(design.figureTitle) \(over) against the area's pooled share, 99.8% limits; over-dispersion \(Self.figure(dispersion))"
        let result = run.run(providers, baseline: { share(standing($0, months.months(baseline))) }, note: note) { provider, standing, funnel, month in
            let span = design.window == .monthEnd ? "at the end of \(month)" : range(judged[0]...month)
            return "\(design.counted) \(standing.observed) of the \(Int(standing.denominator)) \(design.trialsTitle) at \(provider) \(span), "
                + "against \(Self.figure(funnel.target * standing.denominator)) at the area's share (\(Self.percent(funnel.target))): "
                + "\(design.side == .low ? "below" : "above") the funnel's 99.8% limit"
                + (dispersion > 1 ? " (widened for over-dispersion \(Self.figure(dispersion)))" : "")
        }
        let plot = result.funnel.map { funnel in
            FunnelPlot(figureTitle: design.figureTitle, denominatorTitle: design.trialsTitle + (design.window == .monthEnd ? " at \(judged.last!)'s end" : " since \(shown[0])"),
                       funnel: funnel, side: design.side, months: window(judged.last!)[0]...judged.last!, points: result.plot)
        }
        return (result.outcomes.map { $0.measuring(design.measure) }, plot)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
    }
}
