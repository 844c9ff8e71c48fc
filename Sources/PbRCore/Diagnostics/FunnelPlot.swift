/// A funnel plot as it stands at the last month judged: each provider's figure against its
/// denominator, and the funnel they are judged against (its limits at any denominator are
/// `funnel.limits(denominator:)`). What the HTML report draws and the JSON lists.
public struct FunnelPlot: Sendable {
    public struct Point: Sendable {
        public var provider: ProviderID
        /// The count: band 4-5 starts, long waits, clients parked, deaths.
        public var observed: Int
        /// Trials for a share; the expected count for observed / expected.
        public var denominator: Double
        /// The share, or observed / expected.
        public var figure: Double
        /// Outside the funnel on the side watched (the test's p below 0.1%).
        public var isOutside: Bool
    }

    /// What the figure is, for the y axis and the caption ("share of starts whose client is in band 4 or 5").
    public var figureTitle: String
    /// What the denominator counts, for the x axis ("starts since the contract's start").
    public var denominatorTitle: String
    public var funnel: Funnel
    /// The side a harm shows on: only that side alerts; both limits are drawn.
    public var side: Funnel.Side
    /// The months counted: from the contract's start (or, for deaths, the baseline's) to the last judged, or one month's end.
    public var months: ClosedRange<StatementPeriod>
    public var points: [Point]
}
