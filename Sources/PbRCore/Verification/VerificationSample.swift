/// A verification sample of one period's paid lines under a contract (`SampleDraw`): each sampled
/// line's finding, each provider's status and rate at the draw, and, once the sample is closed, the
/// period whose statements post its recovery. A period is sampled once.
public struct VerificationSample: Sendable {
    /// What the verifier found for a sampled line.
    public enum Finding: Hashable, Sendable {
        case confirmed
        case notConfirmed(reason: String)

        public var isConfirmed: Bool { self == .confirmed }
    }

    /// A sampled line: the issued line's fields that the recovery needs, and its finding.
    public struct Line: Hashable, Sendable {
        public var reference: LineReference
        public var payee: ProviderID
        /// The provider that earned the line: its stratum's provider.
        public var provider: ProviderID
        public var clientID: ClientID
        public var outcomeID: OutcomeID
        public var part: Int
        public var amount: Money
        /// Nil until the verifier records one.
        public var finding: Finding?

        public init(reference: LineReference, payee: ProviderID, provider: ProviderID, clientID: ClientID, outcomeID: OutcomeID,
                    part: Int, amount: Money, finding: Finding? = nil) {
            self.reference = reference; self.payee = payee; self.provider = provider; self.clientID = clientID
            self.outcomeID = outcomeID; self.part = part; self.amount = amount; self.finding = finding
        }

        /// A sampled statement line (an outcome line, so its client, outcome and part are there).
        public init(_ line: StatementLine) {
            self.init(reference: line.reference, payee: line.providerID, provider: SampleDraw.provider(of: line),
                      clientID: line.clientID ?? ClientID(""), outcomeID: line.outcomeID ?? OutcomeID(""), part: line.part ?? 1,
                      amount: line.amount)
        }

        /// The key the line settles: a line not confirmed keeps it at zero from the recovery on.
        public var key: LedgerKey { LedgerKey(payee: payee, clientID: clientID, outcomeID: outcomeID, part: part) }
    }

    /// One provider's part of a sample.
    public struct ProviderDraw: Hashable, Sendable {
        public var provider: ProviderID
        /// Who its lines are paid to (the prime, under one).
        public var payee: ProviderID
        /// Its status on the samples closed before the draw, and what they held.
        public var status: RiskStatus
        public var pastSampled: Int
        public var pastNotConfirmed: Int
        /// The rate its strata were sampled at.
        public var rateBasisPoints: Int
        /// Its paid lines in the period (`SampleDraw.paidLines`) and their value.
        public var paidLines: Int
        public var paidValue: Money
        /// Fixed when the sample is closed: what is recovered on its unsampled lines, and the working.
        public var recovery: Money = .zero
        public var working: String = ""

        public init(provider: ProviderID, payee: ProviderID, status: RiskStatus, pastSampled: Int, pastNotConfirmed: Int,
                    rateBasisPoints: Int, paidLines: Int, paidValue: Money, recovery: Money = .zero, working: String = "") {
            self.provider = provider; self.payee = payee; self.status = status; self.pastSampled = pastSampled
            self.pastNotConfirmed = pastNotConfirmed; self.rateBasisPoints = rateBasisPoints; self.paidLines = paidLines
            self.paidValue = paidValue; self.recovery = recovery; self.working = working
        }
    }

    public var contractID: String
    public var period: StatementPeriod
    public var seed: UInt64
    /// The stated rate, before each provider's status multiplies it.
    public var rateBasisPoints: Int
    /// In provider order.
    public var providers: [ProviderDraw]
    /// In reference order.
    public var lines: [Line]
    /// Set when the sample is closed: the first period issued after, whose statements post the recovery.
    public var postedIn: StatementPeriod?

    public init(contractID: String, period: StatementPeriod, seed: UInt64, rateBasisPoints: Int, providers: [ProviderDraw],
                lines: [Line], postedIn: StatementPeriod? = nil) {
        self.contractID = contractID; self.period = period; self.seed = seed; self.rateBasisPoints = rateBasisPoints
        self.providers = providers; self.lines = lines; self.postedIn = postedIn
    }

    public var isClosed: Bool { postedIn != nil }

    /// The sampled lines of one provider.
    public func lines(of provider: ProviderID) -> [Line] { lines.filter { $0.provider == provider } }
}
