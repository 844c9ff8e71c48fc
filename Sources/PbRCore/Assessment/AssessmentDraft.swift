/// An assessment as the assessor enters it on the web, before it is checked: the factors present, the
/// band the assessor decided, the provider the client is referred to, and for a re-assessment why.
public struct AssessmentDraft: Sendable, Equatable {
    public var clientID: ClientID
    public var assessedOn: Day
    public var factors: [String]
    public var recordedBand: Band
    public var referredTo: ProviderID?
    public var reason: AssessmentReason
    /// Why the client is re-assessed (needs changed...): required for a re-assessment.
    public var why: String

    public init(clientID: ClientID, assessedOn: Day, factors: [String], recordedBand: Band, referredTo: ProviderID?,
                reason: AssessmentReason, why: String = "") {
        self.clientID = clientID; self.assessedOn = assessedOn; self.factors = factors; self.recordedBand = recordedBand
        self.referredTo = referredTo; self.reason = reason; self.why = why
    }

    /// Why an assessment is refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownFactor(BandingRules.UnknownFactor)
        case inTheFuture(Day)
        case alreadyAssessed(Day)
        case notAssessedBefore
        case reassessmentWithoutWhy
        case beforeLatest(Day)

        public var description: String {
            switch self {
            case .unknownFactor(let unknown): unknown.description
            case .inTheFuture(let today): "an assessment is dated on or before today (\(today))"
            case .alreadyAssessed(let day): "the client was assessed on \(day): this is a reassessment, with why it was needed"
            case .notAssessedBefore: "the client has no assessment yet: the first is initial"
            case .reassessmentWithoutWhy: "a reassessment says why it was needed (needs changed, new information...)"
            case .beforeLatest(let day): "the client's latest assessment is dated \(day): a reassessment is dated on or after it"
            }
        }
    }

    /// Checks the draft against the rules and the client's assessments so far, and scores it. The band
    /// the assessor recorded is kept as recorded: a band that disagrees with the score is flagged
    /// (`ScoredAssessment.disagrees`), never replaced.
    public func scored(by rules: BandingRules, earlier: [Assessment], today: Day) throws(Refusal) -> ScoredAssessment {
        guard assessedOn <= today else { throw .inTheFuture(today) }
        let score: Int
        do throws(BandingRules.UnknownFactor) { score = try rules.score(factors) } catch { throw .unknownFactor(error) }
        let latest = earlier.map(\.assessedOn).max()
        switch (reason, latest) {
        case (.initial, let day?): throw .alreadyAssessed(day)
        case (.reassessment, nil): throw .notAssessedBefore
        case (.reassessment, let day?):
            guard why.contains(where: { !$0.isWhitespace }) else { throw .reassessmentWithoutWhy }
            guard assessedOn >= day else { throw .beforeLatest(day) }
        case (.initial, nil): break
        }
        let present = factors.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return ScoredAssessment(draft: self, factors: present, score: score, computedBand: rules.band(score: score))
    }
}

/// A checked assessment: what the assessor recorded beside what the contract's rules compute.
public struct ScoredAssessment: Sendable, Equatable {
    public var draft: AssessmentDraft
    /// The factors present, each once, in the order given.
    public var factors: [String]
    public var score: Int
    public var computedBand: Band
    /// True when the recorded band is not the band the score gives: shown as a flag, never corrected.
    public var disagrees: Bool { draft.recordedBand != computedBand }

    /// The journal's record (as an `assessments.csv` row would give it): the band as recorded.
    public func record(id: RecordID, assessor: String) -> Assessment {
        Assessment(recordID: id, clientID: draft.clientID, assessedOn: draft.assessedOn, band: draft.recordedBand, assessor: assessor,
                   reason: draft.reason)
    }
}
