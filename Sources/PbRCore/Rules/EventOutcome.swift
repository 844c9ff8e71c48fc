/// Achieved on the first qualifying day from the journey's start to its end (or the run's day): an event
/// of one of `events`, or a review or exit TOP that satisfies any of `reviewAny`.
public struct EventOutcome: Sendable {
    public var eligibility: Eligibility
    public var events: [EventKind]
    public var reviewAny: [TopCondition]

    public init(eligibility: Eligibility = Eligibility(), events: [EventKind], reviewAny: [TopCondition] = []) {
        self.eligibility = eligibility; self.events = events; self.reviewAny = reviewAny
    }

    func evaluate(_ context: JourneyContext) -> RuleOutcome {
        if let refusal = eligibility.refusal(context) { return .notEligible(refusal) }
        let first = context.journey.start, last = context.lastCountingDay
        let event = context.history.events
            .filter { events.contains($0.kind) && $0.on >= first && $0.on <= last }
            .min { a, b in a.on != b.on ? a.on < b.on : a.recordID < b.recordID }
        let presenting = context.journey.presenting
        let baseline = context.baseline?.values
        let top = reviewAny.isEmpty ? nil : context.reviews.first { top in
            top.on >= first && top.on <= last
                && reviewAny.contains { $0.holds(for: top.values, baseline: baseline, presenting: presenting) }
        }
        let day: Day, evidence: String
        switch (event, top) {
        case (nil, nil): return .notAchieved("no qualifying event or review")
        case let (event?, top?) where top.on < event.on:
            day = top.on; evidence = "TOP \(top.recordID) on \(top.on)"
        case let (event?, _):
            day = event.on; evidence = "\(event.kind.rawValue) event \(event.recordID) on \(event.on)"
        case let (nil, top?):
            day = top.on; evidence = "TOP \(top.recordID) on \(top.on)"
        }
        return .achieved(.whole(on: day, by: context.providerOpen(on: day), evidence: evidence))
    }
}
