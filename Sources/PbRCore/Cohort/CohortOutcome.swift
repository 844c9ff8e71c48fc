/// An outcome paid on a cohort's rate, not on one client's result (`kind: cohort_rate`): the journeys
/// that start in a period form a cohort; the share of them that pass a per-client test is compared with
/// a baseline; the contract pays a price per percentage point above a threshold, up to a cap, once the
/// cohort's window and data lag have passed, shared among the providers that started its journeys.
public struct CohortOutcome: Sendable {
    /// How the contract's journeys are grouped into cohorts, by the day they start.
    public enum Grouping: String, Sendable, CaseIterable {
        /// The contract year's quarters (three months from the year's first day).
        case quarter
        case contractYear = "contract_year"
        /// Every journey the contract covers, in one cohort (the Peterborough bond's final measure).
        case contract
    }

    /// Who is in a cohort.
    public enum Members: String, Sendable, CaseIterable {
        case all
        /// Journeys with an offence in the 365 days before the start, or referred by criminal justice.
        case offenders
    }

    /// What each member is tested for, counted from the journey's start.
    public enum Test: String, Sendable, CaseIterable {
        /// No offence dated within `within` after the start.
        case noProvenOffence = "no_proven_offence"
        /// The journey ended with a successful completion within `within` of its start.
        case completed
        /// Completed as above, and no re-presentation within `representationWithin` of the end.
        case completedWithoutRepresentation = "completed_without_representation"
    }

    /// The rate a cohort is compared with.
    public enum Baseline: Sendable, Equatable {
        /// One rate for every cohort, stated in the contract.
        case stated(basisPoints: Int)
        /// A rate for each cohort by its label (e.g. the matched comparison's published rate).
        case byCohort([String: Int])
        /// Measured on the journal: the same test over journeys started in these months before the contract.
        case measured(months: Int)
    }

    /// How far above the baseline a cohort must be before it pays.
    public enum Threshold: Sendable, Equatable {
        /// Percentage points above the baseline's rate (basis points of the rate: 500 is 5 points).
        case points(basisPoints: Int)
        /// Fewer of the cohort failing the test than the baseline, by this share: the Peterborough bond's
        /// "reconvictions 10% below the comparison" is `fewer_failures: 10%`.
        case fewerFailures(basisPoints: Int)
    }

    /// Which points are paid once the threshold is met.
    public enum Pays: String, Sendable, CaseIterable {
        case pointsAboveThreshold = "points_above_threshold"
        /// Every point above the baseline, once the threshold is met.
        case allPointsOnceMet = "all_points_once_met"
    }

    public var id: OutcomeID
    public var domain: OutcomeRule.Domain
    public var stage: OutcomeRule.Stage
    public var grouping: Grouping
    public var members: Members
    public var test: Test
    public var within: Period
    public var representationWithin: Period
    public var dataLag: Period
    public var baseline: Baseline
    public var threshold: Threshold
    public var pays: Pays
    /// The price of one percentage point.
    public var pricePerPoint: Money
    /// The most one cohort pays; nil for no cap.
    public var cap: Money?
    /// Another cohort outcome whose payments for the same journeys this one is paid net of, so that a
    /// pooled measure never pays twice for what a cohort measure paid.
    public var netOf: OutcomeID?

    public init(id: OutcomeID, domain: OutcomeRule.Domain, stage: OutcomeRule.Stage = .final, grouping: Grouping,
                members: Members = .all, test: Test, within: Period, representationWithin: Period = .months(6),
                dataLag: Period = .months(0), baseline: Baseline, threshold: Threshold = .points(basisPoints: 0),
                pays: Pays = .pointsAboveThreshold, pricePerPoint: Money, cap: Money? = nil, netOf: OutcomeID? = nil) {
        self.id = id; self.domain = domain; self.stage = stage; self.grouping = grouping; self.members = members
        self.test = test; self.within = within; self.representationWithin = representationWithin; self.dataLag = dataLag
        self.baseline = baseline; self.threshold = threshold; self.pays = pays; self.pricePerPoint = pricePerPoint
        self.cap = cap; self.netOf = netOf
    }

    /// The day a member's test is decided, for a journey started on `start`.
    public func closesOn(start: Day) -> Day {
        let end = within.after(start)
        return test == .completedWithoutRepresentation ? representationWithin.after(end) : end
    }
}
