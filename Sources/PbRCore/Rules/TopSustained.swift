/// Achieved when two consecutive reviews (TOPs of stage `review` or `exit`, no other between them), at
/// least `minGap` apart, each satisfy every review condition. Achieved on the later review's day and
/// earned by the provider of the episode that review belongs to.
public struct TopSustained: Sendable {
    public var eligibility: Eligibility
    public var review: [TopCondition]
    public var minGap: Period

    public init(eligibility: Eligibility, review: [TopCondition], minGap: Period = .days(28)) {
        var eligibility = eligibility
        eligibility.needsBaseline = true
        self.eligibility = eligibility; self.review = review; self.minGap = minGap
    }

    func evaluate(_ context: JourneyContext) -> RuleOutcome {
        if let refusal = eligibility.refusal(context) { return .notEligible(refusal) }
        let baseline = context.baseline?.values
        let presenting = context.journey.presenting
        let reviews = context.reviews
        func passes(_ top: TopReview) -> Bool {
            review.allSatisfy { $0.holds(for: top.values, baseline: baseline, presenting: presenting) }
        }
        var earlierPasses = reviews.first.map(passes) ?? false
        for index in reviews.indices.dropFirst() {
            let earlier = reviews[index - 1], later = reviews[index]
            let laterPasses = passes(later)
            if earlierPasses, laterPasses, later.on >= minGap.after(earlier.on) {
                let provider = context.provider(ofEpisode: later.episodeID) ?? context.journey.lastEpisode.providerID
                let evidence = "TOP \(earlier.recordID) on \(earlier.on) and TOP \(later.recordID) on \(later.on)"
                return .achieved(.whole(on: later.on, by: provider, evidence: evidence))
            }
            earlierPasses = laterPasses
        }
        return .notAchieved("no two consecutive reviews far enough apart meet the review conditions")
    }
}
