/// One line of an issued statement (DOMAIN.md, "Statements: the ledger"). Never edited: a later
/// difference is a new line, an adjustment, that refers to the lines it corrects.
public struct StatementLine: Hashable, Sendable {
    public enum Component: String, Sendable, CaseIterable { case outcome, block, attachment, cohort, verification }
    public enum Kind: String, Sendable, CaseIterable { case new, adjustment }

    /// `contract/period/payee`, e.g. `national-pilot/2013-06/P01`.
    public var statementID: String
    /// 1, 2, ... within the statement.
    public var line: Int
    public var period: StatementPeriod
    /// The payee: the prime provider where there is one, else the provider that earned the line.
    public var providerID: ProviderID
    public var earnedBy: ProviderID?
    public var clientID: ClientID?
    public var component: Component
    public var outcomeID: OutcomeID?
    public var part: Int?
    public var band: Band?
    public var achievedOn: Day?
    public var dueOn: Day?
    public var kind: Kind
    public var amount: Money
    public var reason: String
    /// For an adjustment, the lines it corrects.
    public var refersTo: [LineReference]

    public init(statementID: String, line: Int, period: StatementPeriod, providerID: ProviderID, earnedBy: ProviderID? = nil,
                clientID: ClientID? = nil, component: Component, outcomeID: OutcomeID? = nil, part: Int? = nil, band: Band? = nil,
                achievedOn: Day? = nil, dueOn: Day? = nil, kind: Kind, amount: Money, reason: String, refersTo: [LineReference] = []) {
        self.statementID = statementID; self.line = line; self.period = period; self.providerID = providerID
        self.earnedBy = earnedBy; self.clientID = clientID; self.component = component; self.outcomeID = outcomeID
        self.part = part; self.band = band; self.achievedOn = achievedOn; self.dueOn = dueOn; self.kind = kind
        self.amount = amount; self.reason = reason; self.refersTo = refersTo
    }

    /// The key an outcome or attachment line settles (and a verification line that reverses an outcome
    /// line); nil for lines of other components.
    public var key: LedgerKey? {
        LedgerKey.settled(by: component, payee: providerID, clientID: clientID, outcomeID: outcomeID, part: part, achievedOn: achievedOn)
    }

    public var reference: LineReference { LineReference(statementID: statementID, line: line) }
}

/// `STATEMENT_ID:LINE`: where an issued line stands.
public struct LineReference: Hashable, Sendable, CustomStringConvertible {
    public var statementID: String
    public var line: Int
    public init(statementID: String, line: Int) { self.statementID = statementID; self.line = line }
    public var description: String { "\(statementID):\(line)" }
}

/// What one line settles: a payee's client, outcome and part; for an attachment fee the client's
/// journey (by its start day); for a cohort outcome the payee's share of one cohort (by its number). The sum of every line issued for a key equals the latest statement run's
/// amount for it (the ledger's invariant).
public struct LedgerKey: Hashable, Comparable, Sendable {
    public var payee: ProviderID
    /// `.outcome`, `.attachment` or `.cohort`.
    public var component: StatementLine.Component
    /// Empty for a cohort's share.
    public var clientID: ClientID
    /// Empty for an attachment fee.
    public var outcomeID: OutcomeID
    /// 0 for an attachment fee; the cohort's number for a cohort's share.
    public var part: Int
    /// The journey an attachment fee is for; nil for an outcome.
    public var journeyStart: Day?

    public init(payee: ProviderID, clientID: ClientID, outcomeID: OutcomeID, part: Int) {
        self.payee = payee; self.component = .outcome; self.clientID = clientID; self.outcomeID = outcomeID; self.part = part
    }

    /// The key of the attachment fee for a client's journey that started on `journeyStart`.
    public static func attachment(payee: ProviderID, clientID: ClientID, journeyStart: Day) -> LedgerKey {
        var key = LedgerKey(payee: payee, clientID: clientID, outcomeID: OutcomeID(""), part: 0)
        key.component = .attachment
        key.journeyStart = journeyStart
        return key
    }

    /// The key of a payee's share of a cohort outcome's cohort `number` (`CohortPeriod.number`).
    public static func cohort(payee: ProviderID, outcomeID: OutcomeID, number: Int) -> LedgerKey {
        var key = LedgerKey(payee: payee, clientID: ClientID(""), outcomeID: outcomeID, part: number)
        key.component = .cohort
        return key
    }

    /// The key a line with these fields settles (`StatementLine.key`), for a reader of the ledger that
    /// builds no line; nil for lines of other components. A verification line with a client, outcome and
    /// part reverses an outcome line found wrong, so it settles that outcome's key; one without (an
    /// extrapolated recovery) settles none.
    public static func settled(by component: StatementLine.Component, payee: ProviderID, clientID: ClientID?, outcomeID: OutcomeID?,
                               part: Int?, achievedOn: Day?) -> LedgerKey? {
        if component == .attachment, let clientID, let achievedOn {
            return .attachment(payee: payee, clientID: clientID, journeyStart: achievedOn)
        }
        if component == .cohort, let outcomeID, let part { return .cohort(payee: payee, outcomeID: outcomeID, number: part) }
        guard component == .outcome || component == .verification, let clientID, let outcomeID, let part else { return nil }
        return LedgerKey(payee: payee, clientID: clientID, outcomeID: outcomeID, part: part)
    }

    /// Payee, then attachment fees, cohort shares and outcomes in that order, then client, outcome,
    /// part, journey.
    public static func < (a: LedgerKey, b: LedgerKey) -> Bool {
        if a.payee != b.payee { return a.payee < b.payee }
        if a.component != b.component { return a.component.keyOrder < b.component.keyOrder }
        if a.clientID != b.clientID { return a.clientID < b.clientID }
        if a.outcomeID != b.outcomeID { return a.outcomeID < b.outcomeID }
        if a.part != b.part { return a.part < b.part }
        switch (a.journeyStart, b.journeyStart) {
        case let (x?, y?): return x < y
        case (nil, _?): return true
        default: return false
        }
    }
}

extension StatementLine.Component {
    /// Where a component's keys come in a statement, after its block.
    var keyOrder: Int {
        switch self {
        case .block: 0
        case .attachment: 1
        case .cohort: 2
        case .outcome: 3
        case .verification: 4
        }
    }
}
