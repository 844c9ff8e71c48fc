import PbRCore

/// One client as the clients list shows it: pseudonymous (its id, nothing that names a person), the
/// providers of its episodes that the viewer may see, its band on the day asked for, and what the
/// statement lines the viewer may see have paid for it.
public struct ClientSummary: Sendable, Equatable {
    public var clientID: ClientID
    public var providers: [ProviderID]
    public var band: Band?
    public var episodes: Int
    public var paid: Money
    public var lines: Int
}

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

/// What the issued statements have settled for one payee, client, outcome and part: the sum of every
/// line issued for that key (new, adjustments, verification), with the latest line's band and days.
/// Read from the stored lines, not from a run: the contract's entitlements as paid to date.
public struct IssuedEntitlement: Sendable, Equatable {
    public var payee: ProviderID
    public var earnedBy: ProviderID?
    public var clientID: ClientID
    public var outcomeID: OutcomeID
    public var part: Int
    public var band: Band?
    public var achievedOn: Day?
    public var dueOn: Day?
    public var paid: Money
    public var lines: Int

    /// One entry per key whose lines do not sum to zero, by payee, client, outcome and part (the
    /// entitlements file's order).
    public static func settled(by lines: [StatementLine]) -> [IssuedEntitlement] {
        var byKey: [String: IssuedEntitlement] = [:]
        for line in lines {
            guard let client = line.clientID, let outcome = line.outcomeID else { continue }
            let key = [line.providerID.rawValue, client.rawValue, outcome.rawValue, String(line.part ?? 1)].joined(separator: "\u{1F}")
            var entry = byKey[key] ?? IssuedEntitlement(payee: line.providerID, clientID: client, outcomeID: outcome, part: line.part ?? 1,
                                                        paid: .zero, lines: 0)
            entry.paid += line.amount
            entry.lines += 1
            entry.earnedBy = line.earnedBy ?? entry.earnedBy
            entry.band = line.band ?? entry.band
            entry.achievedOn = line.achievedOn ?? entry.achievedOn
            entry.dueOn = line.dueOn ?? entry.dueOn
            byKey[key] = entry
        }
        return byKey.values.filter { $0.paid != .zero }.sorted {
            ($0.payee.rawValue, $0.clientID.rawValue, $0.outcomeID.rawValue, $0.part) < ($1.payee.rawValue, $1.clientID.rawValue, $1.outcomeID.rawValue, $1.part)
        }
    }
}
