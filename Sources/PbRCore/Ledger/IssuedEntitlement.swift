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
