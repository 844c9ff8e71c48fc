/// One result, one payment, across programmes: a claim another programme has paid (claims.csv) for the
/// same client blocks or reduces one of this contract's outcomes, when the two results fall within
/// `withinDays` of each other.
public struct ClaimRule: Sendable {
    /// The other programme, e.g. `work_programme`.
    public var programme: String
    /// The outcome as that programme names it, e.g. `job_outcome`.
    public var claimOutcome: String
    /// This contract's outcome it concerns.
    public var outcome: OutcomeID
    public var withinDays: Int
    /// Nil: the claim blocks the outcome. Else the share by which it reduces the price.
    public var reductionBasisPoints: Int?

    public init(programme: String, claimOutcome: String, outcome: OutcomeID, withinDays: Int, reductionBasisPoints: Int? = nil) {
        self.programme = programme; self.claimOutcome = claimOutcome; self.outcome = outcome; self.withinDays = withinDays
        self.reductionBasisPoints = reductionBasisPoints
    }

    /// The first claim (by day, then record) this rule matches for an outcome achieved on `day`.
    func match(_ claims: [Claim], achievedOn day: Day) -> Claim? {
        claims.filter { $0.programme == programme && $0.outcome == claimOutcome && abs(day.days(to: $0.achievedOn)) <= withinDays }
            .min { ($0.achievedOn, $0.recordID) < ($1.achievedOn, $1.recordID) }
    }

    /// How a matched claim is named in a line's reason or an exception.
    static func describe(_ claim: Claim) -> String {
        "\(claim.programme) paid \(claim.outcome) on \(claim.achievedOn) (claim \(claim.recordID))"
    }
}
