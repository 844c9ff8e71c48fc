import PbRCore

/// A harm planted in a synthetic area from the contract's start on, at one provider, of the size the
/// pilots saw (DOMAIN.md, "What the pilots taught"): what each diagnostic must see.
public enum PlantedHarm: Sendable, Equatable {
    /// Clean data: every provider goes on as in the baseline.
    case none
    /// The odds of a referral starting treatment times `oddsRatio` (the pilots': 0.17).
    case startsFall(oddsRatio: Double)
    /// Band 4 and 5 clients referred to the provider are started `kept` times as often as before (0: none).
    case creaming(kept: Double)
    /// The chance a review reports abstinence rises to `to` while drug tests go on as before.
    case selfReport(to: Double)
    /// A `share` of reviews moved to 0-3 days past the minimum gap after the review before.
    case reviewBunching(share: Double)
    /// A `share` of the re-presentations that would come inside a completion's window are held until
    /// just after it.
    case heldRepresentations(share: Double)
    /// A `share` of the discharges that would come in the 4 weeks after a review falls due are made 1-14
    /// days before it instead, so that the review never comes.
    case dischargesBeforeReview(share: Double)
    /// Deaths times `ratio` (2: twice the deaths).
    case deaths(ratio: Double)
    /// Clients referred to the provider start `days` later than they would have.
    case slowStarts(days: Int)
    /// Not a harm: a `share` of the clients referred to the provider are in band 5 (a change of case mix,
    /// which risk adjustment must not mistake for harm).
    case complexCaseload(share: Double)

    /// The diagnostic that must flag it.
    public var diagnostic: String? {
        switch self {
        case .none: nil
        case .startsFall: "starts"
        case .creaming: "creaming"
        case .selfReport: "self_report"
        case .reviewBunching: "review_bunching"
        case .heldRepresentations: "discharge_timing"
        case .dischargesBeforeReview: "review_bunching"
        case .deaths: "deaths"
        case .slowStarts: "creaming"
        case .complexCaseload: nil
        }
    }
}
