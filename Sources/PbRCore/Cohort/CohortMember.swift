/// One journey in a cohort and what its test found.
public struct CohortMember: Hashable, Sendable {
    public enum Result: Hashable, Sendable {
        case passed
        case failed
        /// Left out of the cohort's rate: the client died before the test closed for this journey.
        case leftOut
    }

    public var clientID: ClientID
    /// The provider of the journey's first episode: the one that started it.
    public var startedBy: ProviderID
    public var start: Day
    public var result: Result
    /// What decided the result, in words, citing records.
    public var evidence: String

    public init(clientID: ClientID, startedBy: ProviderID, start: Day, result: Result, evidence: String) {
        self.clientID = clientID; self.startedBy = startedBy; self.start = start; self.result = result; self.evidence = evidence
    }
}

extension CohortOutcome {
    /// Whether a journey belongs in the cohorts at all (`members`), whatever its start.
    func admits(_ journey: Journey, _ history: ClientHistory) -> Bool {
        switch members {
        case .all: return true
        case .offenders:
            let lookbackFrom = journey.start.adding(days: -365)
            return journey.referralSource == .criminalJustice
                || history.offences.contains { $0.offenceOn >= lookbackFrom && $0.offenceOn < journey.start }
        }
    }

    /// Tests one journey of a client whose history is seen as of a day on or after the test closes.
    func member(_ journey: Journey, _ history: ClientHistory, diedOn: Day?) -> CohortMember {
        let start = journey.start, windowEnd = within.after(start), closes = closesOn(start: start)
        func result(_ result: CohortMember.Result, _ evidence: String) -> CohortMember {
            CohortMember(clientID: history.clientID, startedBy: journey.firstEpisode.providerID, start: start, result: result,
                         evidence: evidence)
        }
        if let diedOn, diedOn <= closes { return result(.leftOut, "died on \(diedOn), before the test closed on \(closes)") }
        switch test {
        case .noProvenOffence:
            let offence = history.offences.filter { $0.offenceOn > start && $0.offenceOn <= windowEnd }
                .min { ($0.offenceOn, $0.recordID) < ($1.offenceOn, $1.recordID) }
            guard let offence else { return result(.passed, "no offence from \(start.adding(days: 1)) to \(windowEnd)") }
            return result(.failed, "offence \(offence.recordID) on \(offence.offenceOn)")
        case .completed, .completedWithoutRepresentation:
            guard let end = journey.end, end <= windowEnd else {
                return result(.failed, "not discharged by \(windowEnd)")
            }
            guard let reason = journey.endReason, reason.isSuccessfulCompletion else {
                return result(.failed, "ended \(journey.endReason?.rawValue ?? "without a reason") on \(end)")
            }
            guard test == .completedWithoutRepresentation else { return result(.passed, "ended \(reason.rawValue) on \(end)") }
            let until = representationWithin.after(end)
            if let again = history.episodes.compactMap(\.startOn).filter({ $0 > end && $0 <= until }).min() {
                return result(.failed, "ended \(reason.rawValue) on \(end); re-presented on \(again)")
            }
            return result(.passed, "ended \(reason.rawValue) on \(end); no re-presentation to \(until)")
        }
    }
}
