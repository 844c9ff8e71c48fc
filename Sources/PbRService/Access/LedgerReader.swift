import PbRCore
import PbRStore

/// The ledger as one viewer may read it (the web's JSON API and pages): contracts, providers, statements,
/// lines, explanations and payments to date, each limited by `Viewer`'s rules, and each view of
/// client-level data written to the audit log. What the viewer may not see is refused as if it did not
/// exist, in words that name only what the viewer asked for.
public struct LedgerReader: Sendable {
    public let store: JournalStore
    public let viewer: Viewer
    /// The issued lines' sums a long-running server keeps between requests; none: read them each time.
    public let sums: LedgerSums?

    public init(store: JournalStore, viewer: Viewer, sums: LedgerSums? = nil) { self.store = store; self.viewer = viewer; self.sums = sums }

    /// The contracts the viewer may read, each with its versions.
    public func contracts() async throws -> [(id: String, versions: [StoredContractVersion])] {
        try requireLedger()
        return try await ContractRegistry(store: store).all().filter { viewer.mayRead(contract: $0.id) }
    }

    /// One contract's versions.
    public func contract(_ id: String) async throws -> [StoredContractVersion] {
        try requireLedger()
        let versions = viewer.mayRead(contract: id) ? try await store.contractVersions(id) : []
        guard !versions.isEmpty else { throw AccessRefusal.notFound("no contract '\(id)'") }
        return versions
    }

    /// The providers in the journal; a provider sees only itself.
    public func providers() async throws -> [ProviderID] {
        try requireLedger()
        let all = try await store.providerIDs()
        guard viewer.role == .provider else { return all }
        return all.filter { $0 == viewer.providerID }
    }

    /// A contract's statements in the order issued: a provider's own, and the share of a prime's that
    /// it earned as a subcontractor (with totals of its lines alone).
    public func statements(_ contractID: String) async throws -> [StoredStatement] {
        _ = try await contract(contractID)
        let all = try await store.statements(contractID)
        guard viewer.role == .provider else { return all }
        guard let own = viewer.providerID else { return [] }
        let earned = Dictionary(grouping: try await store.statementLines(contractID).filter { $0.earnedBy == own && $0.providerID != own },
                                by: \.statementID)
        return all.compactMap { statement in
            if statement.payee == own { return statement }
            guard let lines = earned[statement.id] else { return nil }
            var share = statement
            share.totals = StatementTotals(lines: lines, broughtForward: .zero)
            return share
        }
    }

    /// One payee's statement for a period, with every line the viewer may see.
    public func statement(_ contractID: String, period: StatementPeriod, payee: ProviderID) async throws -> StatementBook.Issued {
        _ = try await contract(contractID)
        let missing = AccessRefusal.notFound("no statement of \(contractID) for \(payee) in \(period)")
        let issued: StatementBook.Issued
        do {
            switch viewer.share(of: payee, contract: contractID) {
            case .none: throw missing
            case .whole: issued = try await StatementBook(store: store).period(contractID, period, payee: payee)
            case .earnedBy(let own): issued = try await StatementBook(store: store).period(contractID, period, payee: payee, earnedBy: own)
            }
        } catch is Refusal {
            throw missing
        }
        guard !issued.statements.isEmpty else { throw missing }
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "statement.view", subject: "\(contractID)/\(period)/\(payee)",
                                                detail: "\(issued.lines.count) lines"))
        return issued
    }

    /// Why a client is paid what it is (`pbr explain`), as of a day, with only the lines the viewer may see.
    public func explanation(_ contractID: String, client: ClientID, asOf: Day) async throws -> ClientExplanation.Result {
        let result = try await visibleExplanation(contractID, client: client, asOf: asOf)
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "client.explain", subject: "\(contractID)/\(client)",
                                                detail: "as of \(asOf)"))
        return result
    }

    /// The explanation the viewer may see, not yet recorded as viewed: refused as not found when the
    /// viewer may not see the client, and for a provider only the lines it was paid or earned.
    func visibleExplanation(_ contractID: String, client: ClientID, asOf: Day) async throws -> ClientExplanation.Result {
        _ = try await contract(contractID)
        let missing = AccessRefusal.notFound("no client '\(client)' under \(contractID)")
        var result: ClientExplanation.Result
        do {
            result = try await ClientExplanation(contractID: contractID, clientID: client, asOf: asOf).run(on: store)
        } catch is Refusal {
            throw missing
        }
        let treatedBy = Set(result.history.episodes.map(\.providerID))
        let issued = result.outcomes.flatMap(\.issued)
        guard Viewer.isClient(treatedBy: treatedBy, lines: issued, ofContractCovering: result.covered),
              viewer.maySee(clientTreatedBy: treatedBy, lines: issued, contract: contractID) else { throw missing }
        if viewer.role == .provider, let own = viewer.providerID {
            for index in result.outcomes.indices {
                result.outcomes[index].issued = viewer.visible(result.outcomes[index].issued)
                result.outcomes[index].lines = result.outcomes[index].lines.filter { $0.providerID == own || $0.earnedBy == own }
            }
        }
        return result
    }

    /// What the contract's issued lines have paid, of the lines the viewer may see.
    public func payments(_ contractID: String) async throws -> PaymentsToDate {
        _ = try await contract(contractID)
        let groups = if let sums { try await sums.groups(contractID, in: store) } else { try await store.statementLineSums(contractID) }
        return PaymentsToDate(groups: viewer.visible(groups))
    }

    /// The audit log, for an auditor or an admin.
    public func audit(after: Int, limit: Int) async throws -> (entries: [AuditEntry], total: Int) {
        guard viewer.readsAudit else { throw AccessRefusal.forbidden("the audit log is for auditors and admins") }
        let entries = try await store.auditEntries(after: after, limit: limit), total = try await store.auditCount()
        // Its entries name clients: reading them is a view of client-level data like any other.
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "audit.read", subject: "audit",
                                                detail: "\(entries.count) entries after \(after)"))
        return (entries, total)
    }

    func requireLedger() throws {
        guard viewer.readsLedger else { throw AccessRefusal.forbidden("an \(viewer.role.rawValue) does not read the ledger") }
    }
}
