/// Why one client's outcome stands as it does as of a day: each journey's verdict in the rule's own
/// words, the band and the assessment behind it, and each part's state. What `pbr explain` prints, and
/// what an adjustment names as its cause when a line is no longer owed.
public struct OutcomeTrace: Sendable {
    public struct JourneyVerdict: Sendable {
        public var start: Day
        public var end: Day?
        public var providers: [ProviderID]
        /// `achieved`, `not achieved`, `not eligible` or `running`.
        public var verdict: String
        public var why: String
    }

    public struct PartState: Sendable {
        public var number: Int
        public var dueOn: Day
        /// `due`, `waiting: ...` or `failed: ...`.
        public var state: String
    }

    public var outcomeID: OutcomeID
    public var journeys: [JourneyVerdict]
    /// The achievement that counts (the earliest), if any.
    public var achievedOn: Day?
    public var evidence: String?
    public var band: Band?
    /// The assessment that set the band: its record, day and reason.
    public var assessment: Assessment?
    public var parts: [PartState]
    /// One sentence: why nothing is owed now, or what is.
    public var summary: String
    /// The claim of another programme that blocks the outcome, if one does.
    public var claim: Claim?
    /// The contract of the area that pays the outcome, having reached it first (`paid_once_with`).
    public var paidElsewhere: String?
}

extension EntitlementRun {
    /// The trace of every outcome of the contract for one client, as of `asOf`.
    public func trace(_ history: ClientHistory, asOf: Day) -> [OutcomeTrace] {
        ClientEvaluator(contract: contract).trace(history, asOf: asOf)
    }
}

extension ClientEvaluator {
    func trace(_ fullHistory: ClientHistory, asOf: Day) -> [OutcomeTrace] {
        let history = fullHistory.asOf(asOf)
        let all = Journey.link(history.episodes, gapDays: contract.journeyGapDays)
        let journeys = contract.journeys(history.episodes)
        let diedOn = Self.deathDay(history)
        let contexts = journeys.map { JourneyContext(journey: $0, history: history, asOf: asOf, diedOn: diedOn) }
        return contract.outcomes.map { rule in
            var verdicts: [OutcomeTrace.JourneyVerdict] = []
            var best: Achievement?
            for (journey, context) in zip(journeys, contexts) {
                let (verdict, why): (String, String)
                switch rule.kind.evaluate(context) {
                case .notEligible(let reason): (verdict, why) = ("not eligible", reason)
                case .notAchieved(let reason): (verdict, why) = ("not achieved", reason)
                case .running(let reason): (verdict, why) = ("running", reason)
                case .achieved(let achievement):
                    if let diedOn, achievement.achievedOn > diedOn {
                        (verdict, why) = ("not achieved", "achieved on \(achievement.achievedOn), after the client's death on \(diedOn)")
                    } else {
                        (verdict, why) = ("achieved", "on \(achievement.achievedOn): \(achievement.evidence)")
                        if best.map({ achievement.achievedOn < $0.achievedOn }) ?? true { best = achievement }
                    }
                }
                verdicts.append(.init(start: journey.start, end: journey.end, providers: journey.episodes.map(\.providerID),
                                      verdict: verdict, why: why))
            }
            let before = all.count - journeys.count
            var trace = OutcomeTrace(outcomeID: rule.id, journeys: verdicts, achievedOn: best?.achievedOn, evidence: best?.evidence,
                                     band: nil, assessment: nil, parts: [], summary: "")
            guard let best else {
                trace.summary = verdicts.last.map { "\($0.verdict): \($0.why)" }
                    ?? (before > 0 ? "no journey of the contract's providers starts on or after its start (\(contract.start))" : "the client has no journey")
                return trace
            }
            trace.assessment = Self.assessment(on: best.achievedOn, in: history.assessments)
            trace.band = trace.assessment?.band
            trace.parts = best.parts.map { part in
                let state: String
                switch part.state {
                case .due: state = "due"
                case .waiting(let why): state = "waiting: " + why
                case .failed(let why): state = "failed: " + why
                }
                return .init(number: part.number, dueOn: part.dueOn, state: state)
            }
            trace.summary = trace.band == nil ? "achieved on \(best.achievedOn), but no assessment was in force that day"
                : "achieved on \(best.achievedOn) at band \(trace.band!): \(best.evidence)"
            if trace.band != nil, let peer = reachedFirstElsewhere(rule.id, best, history, asOf: asOf, diedOn: diedOn) {
                trace.summary += "; " + Self.describePeer(rule.id, peer)
                trace.paidElsewhere = peer.contract
            } else if let (claimRule, claim) = claimMatch(rule.id, best, history.claims) {
                if let reduction = claimRule.reductionBasisPoints {
                    trace.summary += "; reduced by \(Money(pence: Int64(reduction)))%: " + ClaimRule.describe(claim)
                } else {
                    trace.summary += "; not paid: one result, one payment: " + ClaimRule.describe(claim)
                    trace.claim = claim
                }
            }
            return trace
        }
    }
}

extension OutcomeTrace {
    /// Why part `part` is not owed, in the rule's words: the part's failure, or why the outcome is not
    /// achieved now (the last journey's verdict).
    public func cause(part: Int) -> String {
        if let state = parts.first(where: { $0.number == part })?.state, state.hasPrefix("failed: ") {
            return "\(outcomeID) part \(part) failed: " + state.dropFirst("failed: ".count)
        }
        if achievedOn != nil, band == nil || claim != nil || paidElsewhere != nil { return "\(outcomeID): " + summary }
        if achievedOn != nil { return "\(outcomeID) part \(part) is not due: " + summary }
        return "\(outcomeID) " + summary
    }
}
