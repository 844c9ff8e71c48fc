/// One line of what the contract owes: one client, outcome and part, as of the run's day.
public struct Entitlement: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case payable
        /// Waiting for a window or for data; amount 0.00.
        case pending
        /// Cut or zeroed by a cap.
        case capped
    }

    /// Who is paid: the prime provider where there is one, else the provider that earned it.
    public var providerID: ProviderID
    public var earnedBy: ProviderID
    public var clientID: ClientID
    public var outcomeID: OutcomeID
    public var part: Int
    public var band: Band
    public var achievedOn: Day
    public var dueOn: Day
    /// The day the contract year and period are read on (the due day of an instalment, else the
    /// achievement day).
    public var earnsOn: Day
    /// What the line pays: 0.00 while pending; a capped line's amount is what the cap left it.
    public var amount: Money
    public var status: Status
    public var reason: String
    /// What a pending line will pay when it falls due, before caps: the band's price, or the instalment's
    /// share of it. Its `amount` stays 0.00, as the entitlements file writes it. Zero on other lines.
    public var pendingAmount: Money

    public init(providerID: ProviderID, earnedBy: ProviderID, clientID: ClientID, outcomeID: OutcomeID, part: Int,
                band: Band, achievedOn: Day, dueOn: Day, earnsOn: Day, amount: Money, status: Status, reason: String,
                pendingAmount: Money = .zero) {
        self.providerID = providerID; self.earnedBy = earnedBy; self.clientID = clientID; self.outcomeID = outcomeID
        self.part = part; self.band = band; self.achievedOn = achievedOn; self.dueOn = dueOn; self.earnsOn = earnsOn
        self.amount = amount; self.status = status; self.reason = reason; self.pendingAmount = pendingAmount
    }

    /// The output order: provider, client, outcome, part.
    public static func outputOrder(_ a: Entitlement, _ b: Entitlement) -> Bool {
        if a.providerID != b.providerID { return a.providerID < b.providerID }
        if a.clientID != b.clientID { return a.clientID < b.clientID }
        if a.outcomeID != b.outcomeID { return a.outcomeID < b.outcomeID }
        return a.part < b.part
    }

    /// The order caps take lines in: achievement day, client, outcome, part.
    public static func capOrder(_ a: Entitlement, _ b: Entitlement) -> Bool {
        if a.achievedOn != b.achievedOn { return a.achievedOn < b.achievedOn }
        if a.clientID != b.clientID { return a.clientID < b.clientID }
        if a.outcomeID != b.outcomeID { return a.outcomeID < b.outcomeID }
        return a.part < b.part
    }
}

/// The result of an entitlements run.
public struct EntitlementReport: Sendable {
    public var asOf: Day
    /// In output order.
    public var lines: [Entitlement]
    /// In output order.
    public var exceptions: [EntitlementException]
    public var clientsEvaluated: Int
}
