/// One funnel judged month by month: at each month, every provider's figure as it then stands (its
/// count and denominator) against the funnel for that denominator (`Funnel`). A provider whose
/// test's p falls below 0.1% on the side watched alerts in the first such month of the contract; its
/// series carries the month's own figures and the test's −log10 p. What deaths and the providers'
/// shares have in common; each says what a standing is.
struct FunnelRun {
    /// A provider's figure at a month: its count, its denominator (trials, or the expected count), and
    /// the clients counted (the alert's clients).
    struct Standing {
        var observed: Int
        var denominator: Double
        var clients: [ClientID]
    }

    var kind: Funnel.Kind
    var side: Funnel.Side
    var dispersion: Double
    /// The months the series show, in order.
    var shown: [StatementPeriod]
    /// The months the test is taken in (a subset of `shown`); alerts only from `alertsFrom` on.
    var judged: [StatementPeriod]
    var alertsFrom: StatementPeriod?
    /// The figure the providers are judged against at a month: 1 for observed / expected, the pooled share for shares.
    var target: (StatementPeriod) -> Double
    var standing: (ProviderID, StatementPeriod) -> Standing
    /// The month's own figures, as the series shows them (its statistic is filled in here).
    var point: (ProviderID, StatementPeriod) -> DiagnosticSeries.Point

    struct Result {
        var outcomes: [SeriesMonitor.Outcome]
        /// The funnel plot at the last month judged; nil when no month is judged.
        var plot: [FunnelPlot.Point]
        var funnel: Funnel?
    }

    /// - Parameters:
    ///   - baseline: the series' baseline figure for a provider.
    ///   - note: the series' note (it starts "funnel", which the report reads as a test's series).
    ///   - message: the alert's message from the standing that raised it, the funnel and the month.
    func run(_ providers: [ProviderID], baseline: (ProviderID) -> Double, note: String,
             message: (ProviderID, Standing, Funnel, StatementPeriod) -> String) -> Result {
        let threshold = Funnel.threshold
        var plot: [FunnelPlot.Point] = [], last: Funnel?
        let outcomes = providers.map { provider in
            var points = shown.map { point(provider, $0) }
            var alert: DiagnosticAlert?
            for month in judged {
                let funnel = Funnel(kind: kind, target: target(month), dispersion: dispersion)
                let standing = standing(provider, month)
                let statistic = funnel.statistic(observed: standing.observed, denominator: standing.denominator, side: side)
                if let index = shown.firstIndex(of: month) { points[index].statistic = statistic }
                if alert == nil, let alertsFrom, month >= alertsFrom, statistic > threshold {
                    alert = DiagnosticAlert(provider: provider, band: nil, firstMonth: month, statistic: statistic, threshold: threshold,
                                            clients: Set(standing.clients).sorted(), message: message(provider, standing, funnel, month))
                }
                if month == judged.last {
                    last = funnel
                    let figure = standing.denominator > 0 ? Double(standing.observed) / standing.denominator : 0
                    plot.append(.init(provider: provider, observed: standing.observed, denominator: standing.denominator, figure: figure,
                                      isOutside: statistic > threshold))
                }
            }
            let series = DiagnosticSeries(provider: provider, band: nil, baseline: baseline(provider), threshold: threshold, note: note, points: points)
            return SeriesMonitor.Outcome(series: series, alert: alert)
        }
        return Result(outcomes: outcomes, plot: plot, funnel: last)
    }
}

extension Diagnostic {
    /// Adds a funnel's series, and its alerts with one alert for a provider: the earlier of its
    /// CUSUM's and its funnels' (an alert about the area or a band stays as it is).
    mutating func add(funnel outcomes: [SeriesMonitor.Outcome]) {
        series += outcomes.map(\.series)
        for alert in outcomes.compactMap(\.alert) {
            if let index = alerts.firstIndex(where: { $0.provider != nil && $0.provider == alert.provider }) {
                if alert.firstMonth < alerts[index].firstMonth { alerts[index] = alert }
            } else {
                alerts.append(alert)
            }
        }
    }
}
