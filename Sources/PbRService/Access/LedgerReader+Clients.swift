import PbRCore
import PbRImport
import PbRStore

/// The clients of a contract as one viewer may read them: the list, a client's journey, its
/// entitlements, and the CSV exports of statements and payments. Each view of client-level data is in
/// the audit log; a client the viewer may not see is refused exactly as one that does not exist.
extension LedgerReader {
    /// The clients of a contract the viewer may see, by client id. A contract's clients are those with an
    /// episode at a provider it covers (any, when it names none) or a line on its statements; of them a
    /// provider sees only those it treated, was paid for or earned for (its own id the only provider
    /// shown), a commissioner those of its contracts.
    /// - Parameter bandOn: the day whose band each client shows.
    public func clients(_ contractID: String, bandOn day: Day) async throws -> [ClientSummary] {
        _ = try await contract(contractID)
        let covered = try await ContractRegistry(store: store).versions(of: contractID).versions.versions.map(\.providers)
        let lines = Dictionary(grouping: try await store.statementLines(contractID).filter { $0.clientID != nil }) { $0.clientID! }
        let own = viewer.role == .provider ? viewer.providerID : nil
        let clients = try await store.histories(knownAt: nil).compactMap { history -> ClientSummary? in
            let treatedBy = Set(history.episodes.map(\.providerID))
            let issued = lines[history.clientID] ?? []
            let ofContract = Viewer.isClient(treatedBy: treatedBy, lines: issued, ofContractCovering: covered)
            guard ofContract, viewer.maySee(clientTreatedBy: treatedBy, lines: issued, contract: contractID) else { return nil }
            let visible = viewer.visible(issued)
            return ClientSummary(clientID: history.clientID, providers: treatedBy.filter { own == nil || $0 == own }.sorted(),
                                 band: history.band(on: day), episodes: history.episodes.count,
                                 paid: visible.reduce(Money.zero) { $0 + $1.amount }, lines: visible.count)
        }.sorted { $0.clientID.rawValue.utf8.lexicographicallyPrecedes($1.clientID.rawValue.utf8) }
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "client.list", subject: contractID,
                                                detail: "\(clients.count) clients"))
        return clients
    }

    /// A client's journey with its evidence as of a day: its records read by the client's index, one
    /// history through the engine (never a run of the whole contract), the lines issued for it.
    public func journey(_ contractID: String, client: ClientID, asOf: Day) async throws -> ClientJourney {
        let result = try await visibleExplanation(contractID, client: client, asOf: asOf)
        let payments = viewer.visible(try await store.statementLines(contractID, client: client))
        let reached = result.outcomes.map(\.trace).filter { $0.achievedOn.map { $0 <= asOf } ?? false }
            .sorted { ($0.achievedOn!, $0.outcomeID.rawValue) < ($1.achievedOn!, $1.outcomeID.rawValue) }
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "client.journey", subject: "\(contractID)/\(client)",
                                                detail: "as of \(asOf)"))
        return ClientJourney(contractID: contractID, asOf: asOf, history: result.history.asOf(asOf), journeys: result.journeys,
                             reached: reached, entitlements: result.outcomes.flatMap(\.lines), payments: payments,
                             lastImportID: result.lastImportID)
    }

    /// What the contract owes for one client as of a day, by outcome and part (the entitlements file's
    /// rows for that client), of the lines the viewer may see.
    public func entitlements(_ contractID: String, client: ClientID, asOf: Day) async throws -> [Entitlement] {
        let result = try await visibleExplanation(contractID, client: client, asOf: asOf)
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "client.entitlements", subject: "\(contractID)/\(client)",
                                                detail: "as of \(asOf)"))
        return result.outcomes.flatMap(\.lines).sorted { ($0.outcomeID.rawValue, $0.part) < ($1.outcomeID.rawValue, $1.part) }
    }

    /// The contract's entitlements as the issued statements have settled them, by payee, client,
    /// outcome and part, of the lines the viewer may see (`IssuedEntitlement`): no run of the contract.
    public func issuedEntitlements(_ contractID: String) async throws -> [IssuedEntitlement] {
        _ = try await contract(contractID)
        let settled = IssuedEntitlement.settled(by: viewer.visible(try await store.statementLines(contractID)))
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "contract.entitlements", subject: contractID,
                                                detail: "\(settled.count) keys"))
        return settled
    }

    /// One payee's statement for a period as DOMAIN.md's statements CSV, of the lines the viewer may see.
    public func statementCSV(_ contractID: String, period: StatementPeriod, payee: ProviderID) async throws -> String {
        StatementCSV.render(try await statement(contractID, period: period, payee: payee).lines)
    }

    /// Payments to date as CSV (`PaymentsCSV`), of the lines the viewer may see.
    public func paymentsCSV(_ contractID: String) async throws -> String {
        PaymentsCSV.render(try await payments(contractID))
    }
}
