/// Who may run and read the stored results of the web application: diagnostics, proofing and simulation
/// runs (docs/outcome-rules.md, "Diagnostics, proofing and simulation in the web application").
extension Viewer {
    /// Whether the viewer may ask for a diagnostics run (a contract it may read): its commissioner and admins.
    public var runsDiagnostics: Bool { role == .admin || role == .commissioner }

    /// Whether the viewer reads a contract's stored diagnostics at all: its commissioner, admins and
    /// auditors. Not a provider: the diagnostics judge the providers against the area and each other, and
    /// their alerts name clients of every provider; the commissioner takes an alert up with its provider.
    public var readsDiagnostics: Bool { role == .admin || role == .commissioner || role == .auditor }

    /// Whether the viewer may proof a contract (it reads the contract's terms and synthetic clients,
    /// nothing of the journal): whoever may read the contract, providers included.
    public func mayProof(contract id: String) -> Bool { mayRead(contract: id) }

    /// Whether the viewer may start a simulation run of a contract (its latest version): its commissioner
    /// and admins; a provider the contract is made with (its prime, a provider it names, or any provider
    /// when it names none), to model it before signing. Synthetic clients only: nothing of the journal.
    public func maySimulate(_ contract: Contract) -> Bool {
        guard mayRead(contract: contract.id) else { return false }
        switch role {
        case .admin, .commissioner: return true
        case .provider:
            guard let providerID else { return false }
            return contract.providers.isEmpty || contract.providers.contains(providerID) || contract.primeProvider == providerID
        case .assessor, .auditor: return false
        }
    }

    /// Whether the viewer reads simulation runs at all (an assessor does not).
    public var readsSimulations: Bool { role != .assessor }

    /// Whether the viewer may read a simulation run that `runBy` started: every run of a contract it may
    /// read, except that a provider reads only the runs it started itself (its own modelling).
    public func maySee(simulationRunBy runBy: String, contract id: String) -> Bool {
        guard readsSimulations, mayRead(contract: id) else { return false }
        return role != .provider || runBy == name
    }
}
