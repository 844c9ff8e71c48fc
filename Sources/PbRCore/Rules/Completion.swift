/// Achieved when a journey ends with a successful completion; paid in instalments that fall due
/// through the window after the end, each only if there has been no re-presentation and no death up to
/// its due day.
public struct Completion: Sendable {
    /// A discharge reason that counts as success, unless one of `unlessPresenting` is presenting.
    public struct Success: Sendable {
        public var reason: DischargeReason
        public var unlessPresenting: [Substance]
        public init(reason: DischargeReason, unlessPresenting: [Substance] = []) {
            self.reason = reason; self.unlessPresenting = unlessPresenting
        }
    }

    public struct Instalment: Sendable {
        public var after: Period
        public var shareBasisPoints: Int
        public init(after: Period, shareBasisPoints: Int) { self.after = after; self.shareBasisPoints = shareBasisPoints }
    }

    /// What a failure does to instalments already due: they stand, or they are clawed back.
    public enum OnFailure: String, Sendable, CaseIterable { case keep, clawback }

    public var successes: [Success]
    public var instalments: [Instalment]
    public var onFailure: OnFailure

    public init(successes: [Success], instalments: [Instalment], onFailure: OnFailure = .keep) {
        self.successes = successes; self.instalments = instalments; self.onFailure = onFailure
    }

    func evaluate(_ context: JourneyContext) -> RuleOutcome {
        let journey = context.journey
        guard let end = journey.end else { return .running("the journey has not ended") }
        guard let reason = journey.endReason, let success = successes.first(where: { $0.reason == reason }),
              !success.unlessPresenting.contains(where: journey.presenting.contains) else {
            return .notEligible("the journey did not end with a successful completion")
        }
        let windowEnd = instalments.map { $0.after.after(end) }.max() ?? end
        let representation = context.representation(after: end, upTo: windowEnd)
        let failures = [
            representation.map { ($0, "re-presented on \($0)") },
            context.diedOn.map { ($0, "died on \($0)") },
        ].compactMap { $0 }
        let failure = failures.min { $0.0 < $1.0 }
        var parts: [Part] = []
        for (index, instalment) in instalments.enumerated() {
            let due = instalment.after.after(end)
            let state: Part.State
            if let failure, failure.0 <= due || (onFailure == .clawback && failure.0 <= windowEnd) {
                state = .failed(failure.1)
            } else {
                state = due <= context.asOf ? .due : .waiting("instalment not yet due")
            }
            parts.append(Part(number: index + 1, dueOn: due, earnsOn: due, shareBasisPoints: instalment.shareBasisPoints,
                              state: state))
        }
        if parts.allSatisfy({ if case .failed = $0.state { true } else { false } }) {
            return .notAchieved("every instalment failed: a re-presentation or a death")
        }
        let evidence = "journey ended \(reason.rawValue) on \(end)" + (failure.map { "; " + $0.1 } ?? "")
        return .achieved(Achievement(achievedOn: end, earnedBy: journey.lastEpisode.providerID, evidence: evidence,
                                     parts: parts))
    }
}
