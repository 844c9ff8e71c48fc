import PbRCore
import PbRStore

/// `pbr explain`: the chain behind one client's payments under a contract, as of a day: journeys, each
/// outcome's verdict on each journey in the rule's words, the band and the assessment behind it, the
/// price and the contract version, who is paid and who earned it, the parts, and every statement line
/// issued for the client.
public struct ClientExplanation: Sendable {
    public var contractID: String
    public var clientID: ClientID
    public var outcomeID: OutcomeID?
    public var asOf: Day
    public var knownAt: Moment?

    public init(contractID: String, clientID: ClientID, outcomeID: OutcomeID? = nil, asOf: Day, knownAt: Moment? = nil) {
        self.contractID = contractID; self.clientID = clientID; self.outcomeID = outcomeID; self.asOf = asOf; self.knownAt = knownAt
    }

    public struct Outcome: Sendable {
        public var trace: OutcomeTrace
        /// The version whose price applies (in force on the achievement day), and the price at the band.
        public var version: Int?
        public var price: Money?
        /// The run's lines for this outcome.
        public var lines: [Entitlement]
        /// Every statement line issued for this client and outcome, oldest first.
        public var issued: [StatementLine]
    }

    public struct Result: Sendable {
        public var history: ClientHistory
        public var journeys: [Journey]
        public var outcomes: [Outcome]
        public var lastImportID: Int
        /// The providers each version of the contract covers (empty: all), to tell the contract's clients.
        public var covered: [Set<ProviderID>] = []
    }

    /// - Throws: a `Refusal` for an unknown contract, client or outcome.
    public func run(on store: JournalStore) async throws -> Result {
        let (versions, _) = try await ContractRegistry(store: store).versions(of: contractID)
        let contract = versions.inForce(on: asOf)
        if let outcomeID, !contract.outcomes.contains(where: { $0.id == outcomeID }) {
            throw Refusal("\(contractID) has no outcome '\(outcomeID)'; its outcomes are "
                + contract.outcomes.map(\.id.rawValue).joined(separator: ", "))
        }
        let (seen, _) = EntitlementsJob.importsSeen(try await store.imports(), knownAt: knownAt)
        let lastImport = seen?.id ?? 0
        guard let history = try await store.histories(knownAt: knownAt, throughImport: lastImport, client: clientID).first else {
            throw Refusal("no client '\(clientID)' in the data of \(store.location)"
                + (knownAt.map { " known at \($0.text)" } ?? "") + " (client ids are case-sensitive)")
        }
        let run = versions.evaluate([history], asOf: asOf)
        let traces = EntitlementRun(contract: contract).trace(history, asOf: asOf)
        let issued = try await store.statementLines(contractID, client: clientID)
        let outcomes = traces.filter { outcomeID == nil || $0.outcomeID == outcomeID }.map { trace in
            let version = trace.achievedOn.map { versions.number(inForceOn: $0) }
            let rule = version.flatMap { versions.versions[$0 - 1].outcomes.first { $0.id == trace.outcomeID } }
            return Outcome(trace: trace, version: version, price: trace.band.flatMap { rule?.prices[$0] },
                           lines: run.lines.filter { $0.outcomeID == trace.outcomeID },
                           issued: issued.filter { $0.outcomeID == trace.outcomeID })
        }
        let journeys = contract.journeys(history.asOf(asOf).episodes)
        return Result(history: history, journeys: journeys, outcomes: outcomes, lastImportID: lastImport,
                      covered: versions.versions.map(\.providers))
    }
}
