import PbRCore
import PbRStore

/// Diagnostics in the web application: a run asked for by a contract's commissioner (or an admin) is
/// made as `pbr diagnose` makes it and kept, with the last import it saw; the pages and the API show
/// the latest kept run, never a fresh run of the whole journal on each view. Each view is audited: the
/// alerts name clients.
public struct DiagnosticsRuns: Sendable {
    public let store: JournalStore
    public let viewer: Viewer
    public let clock: WallClock

    public init(store: JournalStore, viewer: Viewer, clock: WallClock = .system) {
        self.store = store; self.viewer = viewer; self.clock = clock
    }

    /// Runs the diagnostics of a contract as of a day over everything imported, and keeps the result.
    /// - Parameter asked: the day; nil for `suggestedAsOf`.
    /// - Throws: `AccessRefusal.forbidden` for a role that may not run them, `.notFound` for a contract
    ///   the viewer may not read or that is not in the store.
    public func run(_ contractID: String, asOf asked: Day?) async throws -> StoredDiagnostics {
        guard viewer.runsDiagnostics else {
            throw AccessRefusal.forbidden("diagnostics are run by the contract's commissioner or an admin")
        }
        try await requireContract(contractID)
        var asOf = clock.today
        if let asked { asOf = asked } else { asOf = try await suggestedAsOf(today: asOf) }
        let job = try await EntitlementsJob.stored(contractID, in: store, asOf: asOf, knownAt: nil)
        let result = try await DiagnoseJob(job).diagnose(on: store)
        let alerts = result.report.diagnostics.reduce(0) { $0 + $1.alerts.count }
        let lastImport = result.provenance.lastImport?.id ?? 0
        let run = StoredDiagnostics(contractID: contractID, asOf: asOf.description, lastImportID: lastImport, runAt: clock.timestamp,
                                    runBy: viewer.name, json: String(decoding: DiagnosticsJSON.bytes(result.report), as: UTF8.self),
                                    html: DiagnosticsHTML.body(result.report))
        return try await store.add(run, audit: AuditRecord(actor: viewer.name, action: "diagnostics.run", subject: contractID,
                                                           detail: "as of \(asOf), to import #\(lastImport): \(alerts) alerts"))
    }

    /// The latest kept run of a contract's diagnostics; nil when none has been run.
    /// - Throws: `AccessRefusal.forbidden` for a role that does not read diagnostics (a provider, an
    ///   assessor), `.notFound` for a contract the viewer may not read.
    public func latest(_ contractID: String) async throws -> StoredDiagnostics? {
        guard viewer.readsDiagnostics else {
            throw AccessRefusal.forbidden("diagnostics are for the contract's commissioner, admins and auditors")
        }
        try await requireContract(contractID)
        guard let run = try await store.latestDiagnostics(contractID) else { return nil }
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "diagnostics.view", subject: contractID,
                                                detail: "run #\(run.id) as of \(run.asOf)"))
        return run
    }

    /// The contracts whose diagnostics the viewer may read.
    public func contracts() async throws -> [String] {
        guard viewer.readsDiagnostics else {
            throw AccessRefusal.forbidden("diagnostics are for the contract's commissioner, admins and auditors")
        }
        return try await ContractRegistry(store: store).all().map(\.id).filter { viewer.mayRead(contract: $0) }
    }

    /// The last import in the journal now, to say whether a kept run has missed any.
    public func lastImport() async throws -> Int { try await store.imports().map(\.id).max() ?? 0 }

    /// The day a run is made as of when none is given: the day the latest data were true (the latest
    /// `known_at` imported), not after `today`. A later day would judge months with no data yet, and the
    /// counts' fall would raise alerts of its own.
    public func suggestedAsOf(today: Day) async throws -> Day {
        let latest = try await store.imports().compactMap { Day(iso: String($0.knownAt.prefix(10))) }.max()
        return min(latest ?? today, today)
    }

    private func requireContract(_ id: String) async throws {
        guard viewer.mayRead(contract: id), !(try await store.contractVersions(id)).isEmpty else {
            throw AccessRefusal.notFound("no contract '\(id)'")
        }
    }
}
