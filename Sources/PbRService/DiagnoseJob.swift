import PbRCore
import PbRStore

/// `pbr diagnose`: the area's diagnostics under a contract as of a day, over the whole journal (the 24
/// months before the contract's start included), read as an entitlements run reads it.
public struct DiagnoseJob: Sendable {
    /// The contract, the day and the cut-off, resolved as `pbr entitlements` resolves them.
    public var run: EntitlementsJob
    /// Other areas' monthly figures, for the `comparison` diagnostic; nil leaves it not run.
    public var comparison: ComparisonSource?

    public init(_ run: EntitlementsJob, comparison: ComparisonSource? = nil) {
        self.run = run
        self.comparison = comparison
    }

    public struct Result: Sendable {
        public var report: DiagnosticsReport
        public var warnings: [String]
        public var provenance: Provenance
    }

    public func diagnose(on store: JournalStore, lap: (String) -> Void = { _ in }) async throws -> Result {
        let journal = try await run.load(on: store, command: "diagnose")
        lap("load")
        let report = AreaDiagnostics.run(journal.histories, contract: run.contract, asOf: run.asOf, comparison: comparison?.areas)
        lap("diagnose")
        var provenance = journal.provenance
        provenance.comparison = comparison?.stamp
        return Result(report: report, warnings: journal.warnings, provenance: provenance)
    }
}
