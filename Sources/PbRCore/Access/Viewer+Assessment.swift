/// Who may record and read independent assessments and the service user's voice.
extension Viewer {
    /// Records assessments: the assessor, and an admin.
    public var recordsAssessments: Bool { role == .assessor || role == .admin }

    /// Whether the viewer sees a client's assessments.
    /// - Parameters:
    ///   - referredTo: the providers the client's assessments referred it to.
    ///   - treatedBy: the providers of the client's episodes.
    ///   - covered: for a commissioner, the providers its contracts cover (nil: every provider).
    public func maySeeAssessments(referredTo: Set<ProviderID>, treatedBy: Set<ProviderID>, covered: Set<ProviderID>?) -> Bool {
        switch role {
        case .admin, .auditor, .assessor: true
        case .provider: providerID.map { referredTo.contains($0) || treatedBy.contains($0) } ?? false
        case .commissioner: covered.map { !$0.isDisjoint(with: referredTo.union(treatedBy)) } ?? !contractIDs.isEmpty
        }
    }

    /// Whether the viewer sees a provider's row of a table by provider (waiting times).
    public func maySeeProvider(_ id: ProviderID, covered: Set<ProviderID>?) -> Bool {
        switch role {
        case .admin, .auditor, .assessor: true
        case .provider: providerID == id
        case .commissioner: covered.map { $0.contains(id) } ?? !contractIDs.isEmpty
        }
    }

    /// Whether the viewer reads a client's goals and feedback: a provider only a client it treats or
    /// treated; an assessor none (assessments only).
    public func maySeeVoice(treatedBy: Set<ProviderID>, covered: Set<ProviderID>?) -> Bool {
        switch role {
        case .admin, .auditor: true
        case .assessor: false
        case .provider: providerID.map { treatedBy.contains($0) } ?? false
        case .commissioner: covered.map { !$0.isDisjoint(with: treatedBy) } ?? !contractIDs.isEmpty
        }
    }

    /// Whether the viewer records goals and feedback for a client: a provider for its own clients, an admin.
    public func recordsVoice(treatedBy: Set<ProviderID>) -> Bool {
        switch role {
        case .admin: true
        case .provider: providerID.map { treatedBy.contains($0) } ?? false
        case .commissioner, .assessor, .auditor: false
        }
    }
}
