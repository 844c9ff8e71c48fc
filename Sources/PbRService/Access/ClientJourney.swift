import PbRCore

/// A client's journey with its evidence, as of a day: the records (episodes, TOPs, offences,
/// assessments, events) dated on or before it, the journeys they link into, the outcomes the engine
/// finds reached (with the rule's evidence), the run's entitlements and the statement lines issued,
/// these last two limited to what the viewer may see.
public struct ClientJourney: Sendable {
    public var contractID: String
    public var asOf: Day
    public var history: ClientHistory
    public var journeys: [Journey]
    /// The outcomes achieved by `asOf`, in order of their day.
    public var reached: [OutcomeTrace]
    public var entitlements: [Entitlement]
    /// Every statement line issued for the client under the contract, in the order issued.
    public var payments: [StatementLine]
    public var lastImportID: Int
}

extension ClientJourney {
    /// The TOP fields the reference framework's outcomes read, for one TOP: days of each substance its
    /// journey presented with, then injecting, quality of life, housing, paid work and education. The
    /// values the timeline and its table show; unknown values are left out.
    public func scoresThatMattered(_ top: TopReview) -> [(field: TopField, value: Int32)] {
        let journey = journeys.first { $0.contains(episode: top.episodeID) }
        let substances = (journey?.presenting ?? []).map(\.topField)
        let fields = substances + [.injectedDays, .qualityOfLife, .acuteHousing, .evictionRisk, .paidWorkDays, .educationDays]
        return fields.compactMap { field in top.values[field].map { (field, $0) } }
    }
}
