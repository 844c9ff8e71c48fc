/// One part of an outcome achieved that cannot be paid because no band was in force on its achievement
/// day: for the provider to put right, attributed as its line would have been, with what is at stake.
public struct EntitlementException: Hashable, Sendable {
    /// Who would be paid: the prime provider where there is one, else the provider that earned it.
    public var providerID: ProviderID
    public var earnedBy: ProviderID
    public var clientID: ClientID
    public var outcomeID: OutcomeID
    public var part: Int
    public var achievedOn: Day
    /// The least and the most this part pays over the contract's bands (its share of the band's price,
    /// before exclusive groups and caps): the band that is missing decides which.
    public var lowestAmount: Money
    public var highestAmount: Money
    public var reason: String

    public init(providerID: ProviderID, earnedBy: ProviderID, clientID: ClientID, outcomeID: OutcomeID, part: Int,
                achievedOn: Day, lowestAmount: Money, highestAmount: Money, reason: String) {
        self.providerID = providerID; self.earnedBy = earnedBy; self.clientID = clientID; self.outcomeID = outcomeID
        self.part = part; self.achievedOn = achievedOn; self.lowestAmount = lowestAmount
        self.highestAmount = highestAmount; self.reason = reason
    }

    /// The output order, as for lines: provider, client, outcome, part.
    public static func outputOrder(_ a: EntitlementException, _ b: EntitlementException) -> Bool {
        if a.providerID != b.providerID { return a.providerID < b.providerID }
        if a.clientID != b.clientID { return a.clientID < b.clientID }
        if a.outcomeID != b.outcomeID { return a.outcomeID < b.outcomeID }
        return a.part < b.part
    }
}
