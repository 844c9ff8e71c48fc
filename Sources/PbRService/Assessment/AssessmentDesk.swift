import PbRCore
import PbRStore

/// Independent assessment (LASAR) as one viewer may use it: the assessor records an assessment scored by
/// a contract's banding rules; everyone reads the assessments, the waiting times and the clients assessed
/// twice before treatment that `Viewer` lets them see. Each recording and each view of client-level
/// assessments is in the audit log.
public struct AssessmentDesk: Sendable {
    public let store: JournalStore
    public let viewer: Viewer
    public let clock: WallClock

    public init(store: JournalStore, viewer: Viewer, clock: WallClock = .system) {
        self.store = store; self.viewer = viewer; self.clock = clock
    }

    /// One assessment in the journal, with what the web recorded beside it (nil: it came in an extract).
    public struct Row: Sendable {
        public var assessment: Assessment
        public var details: StoredAssessmentDetails?
        /// The client was assessed twice or more before treatment started (`AssessedTwice`).
        public var assessedTwice: Bool

        public init(assessment: Assessment, details: StoredAssessmentDetails?, assessedTwice: Bool) {
            self.assessment = assessment; self.details = details; self.assessedTwice = assessedTwice
        }
    }

    /// The banding rules of a contract's version in force on `day`.
    /// - Throws: `AccessRefusal.notFound` for no such contract, `.badRequest` for one without `banding`.
    public func rules(_ contractID: String, on day: Day) async throws -> BandingRules {
        guard viewer.recordsAssessments || viewer.mayRead(contract: contractID) else { throw AccessRefusal.notFound("no contract '\(contractID)'") }
        let versions: ContractVersions
        do { versions = try await ContractRegistry(store: store).versions(of: contractID).versions } catch is Refusal {
            throw AccessRefusal.notFound("no contract '\(contractID)'")
        }
        guard let rules = versions.inForce(on: day).banding else {
            throw AccessRefusal.badRequest("contract '\(contractID)' has no banding rules (its file's banding: key)")
        }
        return rules
    }

    /// Records an assessment: scored by the contract's rules, written to the journal as an import of its
    /// own (so that runs read it as an `assessments.csv` row, with the band as recorded) and its details
    /// beside it, with the audit entry, in one transaction.
    /// - Throws: `AccessRefusal.forbidden` for a viewer who does not assess; `.notFound` for an unknown
    ///   client or contract; `.badRequest` for an unknown factor or provider, a day after today, or a
    ///   reason that does not fit the client's assessments so far (`AssessmentDraft.Refusal`).
    public func record(_ draft: AssessmentDraft, contract contractID: String) async throws -> StoredAssessmentDetails {
        guard viewer.recordsAssessments else { throw AccessRefusal.forbidden("assessments are recorded by assessors and admins") }
        let rules = try await rules(contractID, on: draft.assessedOn)
        guard let history = try await store.histories(knownAt: nil, client: draft.clientID).first else {
            throw AccessRefusal.notFound("no client '\(draft.clientID)'")
        }
        if let provider = draft.referredTo, !(try await store.providerIDs().contains(provider)) {
            throw AccessRefusal.badRequest("no provider '\(provider)' in the journal to refer to")
        }
        let scored: ScoredAssessment
        do throws(AssessmentDraft.Refusal) { scored = try draft.scored(by: rules, earlier: history.assessments, today: clock.today) } catch {
            throw AccessRefusal.badRequest(error.description)
        }
        let recordedAt = clock.timestamp, name = viewer.name
        guard let knownAt = Moment(iso: recordedAt) else { preconditionFailure("the clock's timestamp is ISO 8601") }
        let flag = scored.disagrees ? "; disagrees with the score, which gives band \(scored.computedBand)" : ""
        let audit = AuditRecord(actor: name, action: "assessment.record", subject: draft.clientID.rawValue,
                                detail: "\(draft.reason.rawValue) on \(draft.assessedOn): band \(draft.recordedBand), score \(scored.score)\(flag)"
                                    + (draft.referredTo.map { ", referred to \($0)" } ?? ""))
        var details: StoredAssessmentDetails?
        try await store.recordFromWeb(what: "assessment of \(draft.clientID)", by: name, knownAt: knownAt, audit: audit, rows: { importID in
            [JournalRow(.assessment(scored.record(id: Self.recordID(importID), assessor: name)))]
        }, details: { importID in
            let made = StoredAssessmentDetails(
                recordID: Self.recordID(importID), clientID: draft.clientID, importID: importID, contractID: contractID,
                assessedOn: draft.assessedOn, factors: scored.factors, score: scored.score, computedBand: scored.computedBand,
                recordedBand: draft.recordedBand, referredTo: draft.referredTo, reason: draft.reason, why: draft.why,
                recordedBy: name, recordedAt: recordedAt)
            details = made
            return made
        })
        guard let details else { preconditionFailure("recordFromWeb makes the details") }
        return details
    }

    /// The record id of an assessment made on the web: its import's number, apart from any an extract uses.
    static func recordID(_ importID: Int) -> RecordID { RecordID("web-\(importID)") }

    /// Every assessment the viewer may see, by client, then day.
    public func list() async throws -> [Row] {
        let details = try await store.assessmentDetails()
        let visible = try await visibleHistories(details)
        let rows = visible.flatMap { history -> [Row] in
            let twice = AssessedTwice.flag(history) != nil
            return history.assessments.sorted { $0.assessedOn != $1.assessedOn ? $0.assessedOn < $1.assessedOn : $0.recordID < $1.recordID }
                .map { Row(assessment: $0, details: details[$0.recordID], assessedTwice: twice) }
        }
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "assessment.list", subject: "assessments",
                                                detail: "\(rows.count) assessments of \(visible.count) clients"))
        return rows
    }

    /// The clients the viewer may see who were assessed twice or more before treatment.
    public func assessedTwice() async throws -> [AssessedTwice] {
        let flags = try await visibleHistories(try await store.assessmentDetails()).compactMap(AssessedTwice.flag)
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "assessment.assessed-twice", subject: "assessments",
                                                detail: "\(flags.count) clients"))
        return flags
    }

    /// Waiting times from referral to assessment to start, as of `asOf`, by provider and band: the rows
    /// of the providers the viewer may see.
    public func waitingTimes(asOf: Day) async throws -> WaitingTimes {
        let covered = try await coveredProviders()
        var times = WaitingTimes(try await store.histories(knownAt: nil).map { $0.asOf(asOf) })
        times.rows = times.rows.filter { viewer.maySeeProvider($0.providerID, covered: covered) }
        return times
    }

    private func visibleHistories(_ details: [RecordID: StoredAssessmentDetails]) async throws -> [ClientHistory] {
        let covered = try await coveredProviders()
        return try await store.histories(knownAt: nil).filter { history in
            guard !history.assessments.isEmpty else { return false }
            let referred = Set(history.assessments.compactMap { details[$0.recordID]?.referredTo })
            return viewer.maySeeAssessments(referredTo: referred, treatedBy: Set(history.episodes.map(\.providerID)), covered: covered)
        }
    }

    /// For a commissioner, the providers its contracts cover (nil: every provider); nil for anyone else.
    func coveredProviders() async throws -> Set<ProviderID>? {
        try await Coverage.providers(of: viewer, in: store)
    }
}

/// Which providers a commissioner's contracts cover.
enum Coverage {
    static func providers(of viewer: Viewer, in store: JournalStore) async throws -> Set<ProviderID>? {
        guard viewer.role == .commissioner else { return nil }
        var covered: Set<ProviderID> = []
        for id in viewer.contractIDs {
            guard let versions = try? await ContractRegistry(store: store).versions(of: id).versions else { continue }
            let providers = versions.versions.last!.providers
            if providers.isEmpty { return nil }
            covered.formUnion(providers)
        }
        return covered
    }
}

extension AssessmentDesk {
    /// For the assessor's form: the contracts with banding rules (their version in force today), by id.
    public func recordingContracts() async throws -> [(id: String, rules: BandingRules)] {
        guard viewer.recordsAssessments else { return [] }
        var result: [(id: String, rules: BandingRules)] = []
        for (id, _) in try await ContractRegistry(store: store).all() {
            let versions = try await ContractRegistry(store: store).versions(of: id).versions
            if let rules = versions.inForce(on: clock.today).banding { result.append((id, rules)) }
        }
        return result
    }

    /// For the assessor's form: the providers a client may be referred to.
    public func referralProviders() async throws -> [ProviderID] {
        guard viewer.recordsAssessments else { return [] }
        return try await store.providerIDs()
    }
}
