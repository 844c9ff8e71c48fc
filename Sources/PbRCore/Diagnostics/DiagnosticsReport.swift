/// What `pbr diagnose` finds (DOMAIN.md, "Diagnostics: data out"): for each diagnostic, its method,
/// its false-alarm rate, its alerts and the series behind them.
public struct DiagnosticsReport: Sendable {
    public var contractID: String
    public var asOf: Day
    /// The 24 months before the contract's start, against which the months since are judged.
    public var baseline: ClosedRange<StatementPeriod>
    /// The contract's first month through the last month ended by the run's day.
    public var monitored: ClosedRange<StatementPeriod>?
    public var diagnostics: [Diagnostic]
}

public struct Diagnostic: Sendable {
    /// One of DOMAIN.md's fixed ids: `starts`, `completions`, ..., `comparison`.
    public var id: String
    public var method: String
    public var falseAlarmRate: String
    public var alerts: [DiagnosticAlert]
    public var series: [DiagnosticSeries]
    /// The funnel plots comparing the providers, as of the last month judged (none for most diagnostics).
    public var funnels: [FunnelPlot] = []
}

public struct DiagnosticAlert: Sendable {
    /// Nil when the alert is about the whole area.
    public var provider: ProviderID?
    /// Nil when it is about every band.
    public var band: Band?
    /// The first month whose data raised it.
    public var firstMonth: StatementPeriod
    public var statistic: Double
    public var threshold: Double
    /// The (pseudonymous) clients behind it, in id order.
    public var clients: [ClientID]
    public var message: String
}

/// One monitored series: a measure for the area or one provider (and band), month by month.
public struct DiagnosticSeries: Sendable {
    public struct Point: Sendable {
        public var month: StatementPeriod
        public var count: Int
        /// Out of how many (proportions and threshold tests); 0 for counts.
        public var trials: Int
        /// What the baseline expected: a count, or a proportion.
        public var expected: Double
        /// The CUSUM after the month, or the test's statistic on the months so far.
        public var statistic: Double
    }

    public var provider: ProviderID?
    public var band: Band?
    /// The baseline's figure: a monthly mean count, a proportion, or a rate per client-month.
    public var baseline: Double
    /// The decision limit; nil when the series is not monitored.
    public var threshold: Double?
    /// Why a series is not monitored (too little in its baseline), or nil.
    public var note: String?
    /// The baseline's months, then the monitored months.
    public var points: [Point]
    /// What the series counts, where its diagnostic watches more than one thing (creaming: band 4-5
    /// starts, long waits, assessed clients not started).
    public var measure: AreaTallies.Measure? = nil
}
