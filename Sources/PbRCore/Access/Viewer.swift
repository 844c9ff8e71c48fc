/// Who is asking, and so what they may see: the one place the web's access rules are decided, pure, so
/// that every route and every use case asks the same questions and the tests can ask them too.
public struct Viewer: Sendable, Equatable {
    public var name: String
    public var role: Role
    /// A provider user's provider.
    public var providerID: ProviderID?
    /// A commissioner's contracts.
    public var contractIDs: [String]

    public init(name: String, role: Role, providerID: ProviderID? = nil, contractIDs: [String] = []) {
        self.name = name; self.role = role; self.providerID = providerID; self.contractIDs = contractIDs
    }

    /// Whether the viewer reads the ledger at all (an assessor does not).
    public var readsLedger: Bool { role != .assessor }

    /// Whether the viewer may change anything (users, for now).
    public var administers: Bool { role == .admin }

    /// Whether the viewer may upload an extract: an admin any, a provider its own treatment's records.
    public var uploadsExtracts: Bool { role == .admin || (role == .provider && providerID != nil) }

    /// Whether the viewer reads the audit log.
    public var readsAudit: Bool { role == .admin || role == .auditor }

    /// Whether the contract is one the viewer may read at all. A provider may read any contract's terms;
    /// what it sees of the ledger is limited to its own lines.
    public func mayRead(contract id: String) -> Bool {
        switch role {
        case .admin, .auditor, .provider: true
        case .commissioner: contractIDs.contains(id)
        case .assessor: false
        }
    }

    /// Whether the viewer sees every payee's statements of a contract it may read (a provider sees only its own).
    public var seesEveryPayee: Bool { role != .provider }

    /// What of a statement the viewer sees: all of it, only the lines it earned as a subcontractor, or nothing.
    public func share(of payee: ProviderID, contract: String) -> StatementShare {
        guard mayRead(contract: contract) else { return .none }
        if seesEveryPayee { return .whole }
        guard let providerID else { return .none }  // a provider user always names one; refuse if not
        return payee == providerID ? .whole : .earnedBy(providerID)
    }

    /// Whether the viewer may see a client's data: a provider only a client it treated (an episode
    /// there), was paid for (payee) or earned for (subcontractor).
    /// - Parameters:
    ///   - treatedBy: the providers of the client's episodes.
    ///   - lines: the client's issued lines under the contract.
    public func maySee(clientTreatedBy treatedBy: Set<ProviderID>, lines: [StatementLine], contract: String) -> Bool {
        guard mayRead(contract: contract) else { return false }
        guard role == .provider else { return true }
        guard let providerID else { return false }
        return treatedBy.contains(providerID) || lines.contains { $0.providerID == providerID || $0.earnedBy == providerID }
    }

    /// Whether a client is one of a contract's: treated by a provider some version of it covers (a version
    /// naming no providers covers all), or with a line on its statements. Asked of one client as of a list,
    /// so that a contract's path never reaches a client of another contract.
    /// - Parameter covered: each version's providers.
    public static func isClient(treatedBy: Set<ProviderID>, lines: [StatementLine], ofContractCovering covered: [Set<ProviderID>]) -> Bool {
        covered.contains { $0.isEmpty || !$0.isDisjoint(with: treatedBy) } || !lines.isEmpty
    }

    /// The lines of a list the viewer may see.
    public func visible(_ lines: [StatementLine]) -> [StatementLine] {
        lines.filter { sees(payee: $0.providerID, earnedBy: $0.earnedBy) }
    }

    public func visible(_ groups: [PaymentsToDate.Group]) -> [PaymentsToDate.Group] {
        groups.filter { sees(payee: $0.payee, earnedBy: $0.earnedBy) }
    }

    /// A line paid to `payee`: a provider sees it when it is paid the line or earned it under a prime.
    func sees(payee: ProviderID, earnedBy: ProviderID?) -> Bool {
        guard role == .provider else { return readsLedger }
        guard let providerID else { return false }
        return payee == providerID || earnedBy == providerID
    }
}

/// How much of one statement a viewer sees.
public enum StatementShare: Sendable, Equatable {
    case whole
    /// Only the lines this subcontractor earned, with totals of those lines alone.
    case earnedBy(ProviderID)
    case none
}
