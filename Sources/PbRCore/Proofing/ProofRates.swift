/// The chance that a client of a profile achieves each outcome, as basis points (10,000 = certain):
/// stated rates, not measured ones, that a commissioner or provider gives for their area (`--rates`).
///
/// A rate is read for an outcome the profile is eligible for: the last adjustment whose condition the
/// profile meets and that names the outcome gives it, else the base rate. For the outcomes of an
/// exclusive group the rate is the chance that this outcome is the best the client reaches in the group
/// (an alcohol client who stops drinking is counted under D1-abstinent, not also under
/// D1-alcohol-reduced), so a group's rates add up to at most 100% for each profile.
public struct ProofRates: Sendable {
    /// Which profiles an adjustment is for; a condition not given holds for every profile.
    public struct Condition: Sendable {
        /// At least one of these is presenting.
        public var presentingAny: [Substance]?
        /// Exactly these are presenting, in any order.
        public var presentingExactly: Set<Substance>?
        public var offending: Bool?
        public var injecting: Bool?
        public var housingProblem: Bool?
        public var inWork: Bool?
        public var bands: Set<Band>?

        public init(presentingAny: [Substance]? = nil, presentingExactly: Set<Substance>? = nil, offending: Bool? = nil,
                    injecting: Bool? = nil, housingProblem: Bool? = nil, inWork: Bool? = nil, bands: Set<Band>? = nil) {
            self.presentingAny = presentingAny; self.presentingExactly = presentingExactly; self.offending = offending
            self.injecting = injecting; self.housingProblem = housingProblem; self.inWork = inWork; self.bands = bands
        }

        public func holds(for profile: ProofProfile) -> Bool {
            if let any = presentingAny, !any.contains(where: profile.substances.contains) { return false }
            if let exactly = presentingExactly, exactly != Set(profile.substances) { return false }
            if let offending, offending != profile.offending { return false }
            if let injecting, injecting != profile.injecting { return false }
            if let housingProblem, housingProblem != profile.housingProblem { return false }
            if let inWork, inWork != profile.inWork { return false }
            if let bands, !bands.contains(profile.band) { return false }
            return true
        }
    }

    public struct Adjustment: Sendable {
        public var when: Condition
        public var basisPoints: [OutcomeID: Int]
        public init(when: Condition, basisPoints: [OutcomeID: Int]) { self.when = when; self.basisPoints = basisPoints }
    }

    public var base: [OutcomeID: Int]
    /// In the order given: a later one overrides an earlier one for the outcomes it names.
    public var adjustments: [Adjustment]

    /// - Precondition: every rate is from 0 to 10,000 basis points (the loader refuses anything else).
    public init(base: [OutcomeID: Int], adjustments: [Adjustment] = []) {
        precondition((base.values + adjustments.flatMap(\.basisPoints.values)).allSatisfy((0...10_000).contains),
                     "a rate is a chance from 0% to 100%")
        self.base = base; self.adjustments = adjustments
    }

    /// The chance of `outcome` for `profile`, or nil when the rates give none.
    public func basisPoints(_ outcome: OutcomeID, for profile: ProofProfile) -> Int? {
        adjustments.last { $0.basisPoints[outcome] != nil && $0.when.holds(for: profile) }?.basisPoints[outcome] ?? base[outcome]
    }
}
