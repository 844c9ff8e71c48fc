import Foundation
import PbRCore
import PbRImport
import PbRStore

/// A contract's run as of a day, over a store: what `pbr entitlements` and `pbr demo` do.
public struct EntitlementsJob: Sendable {
    /// The contract's versions: one for a file, every version registered for a contract in the store.
    public var versions: ContractVersions
    /// What the record of each output says the contract was.
    public var stamp: Provenance.ContractStamp
    public var asOf: Day
    /// See only data known at or before this moment; nil for everything imported.
    public var knownAt: Moment?
    public var progress: (any ProgressDisplay)?

    public init(contract: ContractSource, asOf: Day, knownAt: Moment?, progress: (any ProgressDisplay)? = nil) {
        self.init(versions: ContractVersions([contract.contract]), stamp: contract.stamp, asOf: asOf, knownAt: knownAt, progress: progress)
    }

    public init(versions: ContractVersions, stamp: Provenance.ContractStamp, asOf: Day, knownAt: Moment?,
                progress: (any ProgressDisplay)? = nil) {
        self.versions = versions; self.stamp = stamp; self.asOf = asOf; self.knownAt = knownAt; self.progress = progress
    }

    /// A run of a contract registered in the store: its versions, each deciding from its day.
    public static func stored(_ id: String, in store: JournalStore, asOf: Day, knownAt: Moment?,
                              progress: (any ProgressDisplay)? = nil) async throws -> EntitlementsJob {
        let (versions, stored) = try await ContractRegistry(store: store).versions(of: id)
        let latest = stored[versions.number(inForceOn: asOf) - 1]
        return EntitlementsJob(versions: versions, stamp: .init(id: id, file: "store: version \(latest.version) of \(stored.count), from \(latest.source)",
                                                                sha256: latest.sha256),
                               asOf: asOf, knownAt: knownAt, progress: progress)
    }

    /// The version in force on the run's day.
    public var contract: Contract { versions.inForce(on: asOf) }

    public struct Result: Sendable {
        public var report: EntitlementReport
        /// What the run saw that a person should know (a cut-off before any import, an empty store).
        public var warnings: [String]
        /// The record for each file written from this run.
        public var provenance: Provenance
    }

    /// What a run reads: the histories as the cut-off sees them, and the record of what it saw.
    public struct Journal: Sendable {
        public var histories: [ClientHistory]
        /// What the run saw that a person should know (a cut-off before any import, an empty store).
        public var warnings: [String]
        public var provenance: Provenance
    }

    /// Loads what the run sees, pinned to the last import the cut-off sees: an import that lands while
    /// the run reads cannot be half-seen.
    public func load(on store: JournalStore, command: String) async throws -> Journal {
        let imports = try await store.imports()
        var (seen, warnings) = Self.importsSeen(imports, knownAt: knownAt)
        if asOf < versions.first.start {
            warnings.append("--as-of \(asOf) is before \(versions.first.id)'s start on \(versions.first.start): nothing can be owed yet")
        }
        let cutoff = knownAt?.epochSeconds ?? .max
        let rows = imports.filter { Self.epoch($0) <= cutoff }.reduce(0) { $0 + $1.rowsImported }
        let loading = progress?.start("Reading the journal", total: rows, unit: "rows")
        let snapshot = JournalSnapshot(knownAt: knownAt, lastImportID: seen?.id ?? 0)
        let histories = try await store.histories(in: snapshot, progress: Self.observer(loading))
        loading?.finish()
        var provenance = Provenance(command: command, store: store.location.description, contract: stamp, asOf: asOf,
                                    knownAt: knownAt, lastImport: seen.map { .init(id: $0.id, knownAt: $0.knownAt, sha256: $0.digest) })
        provenance.warnings = warnings
        return Journal(histories: histories, warnings: warnings, provenance: provenance)
    }

    /// Loads what the run sees and evaluates it.
    /// - Parameter lap: called after each step (`load`, `evaluate`) with its name, for timings.
    public func run(on store: JournalStore, command: String, lap: (String) -> Void = { _ in }) async throws -> Result {
        // A contract file that names contracts it is paid once with finds them in the store.
        let versions = try await ContractRegistry(store: store).withPeers(versions)
        var journal = try await load(on: store, command: command)
        lap("load")
        let evaluating = progress?.start("Evaluating outcomes", total: journal.histories.count, unit: "clients")
        let report = versions.evaluate(journal.histories, asOf: asOf, progress: Self.observer(evaluating))
        evaluating?.finish()
        lap("evaluate")
        // The histories are not needed past here: freed on every core, and their pages given back, before
        // the outputs are made.
        FreedMemory.free(&journal.histories, leaving: ClientHistory(clientID: ClientID("")))
        FreedMemory.returnToSystem()
        return Result(report: report, warnings: journal.warnings, provenance: journal.provenance)
    }

    static func observer(_ step: (any ProgressStep)?) -> (@Sendable (Int) -> Void)? {
        guard let step else { return nil }
        return { units in step.advance(by: units) }
    }

    /// The last import a run with this cut-off sees, and warnings when it sees none.
    static func importsSeen(_ imports: [ImportSummary], knownAt: Moment?) -> (ImportSummary?, [String]) {
        guard let first = imports.min(by: { epoch($0) < epoch($1) }) else {
            return (nil, ["the store holds no imports: the run sees no data"])
        }
        guard let knownAt else { return (imports.max { $0.id < $1.id }, []) }
        let seen = imports.filter { epoch($0) <= knownAt.epochSeconds }
        guard let last = seen.max(by: { $0.id < $1.id }) else {
            return (nil, ["--known-at \(knownAt) is before the first import (#\(first.id), known at \(first.knownAt)): the run sees no data"])
        }
        return (last, [])
    }

    private static func epoch(_ summary: ImportSummary) -> Int64 { Moment(iso: summary.knownAt)?.epochSeconds ?? .min }

    /// Writes the entitlements and exceptions files of a run, each with its record beside it.
    public static func write(_ result: Result, csv: String?, exceptions: String?) throws(Refusal) {
        if let csv {
            let lines = result.report.lines, parts = EntitlementsCSV.partCount(lines.count)
            try OutputFiles.write(parts: parts, to: csv, provenance: result.provenance) { EntitlementsCSV.part($0, of: parts, lines) }
        }
        if let exceptions {
            try OutputFiles.write(Array(ExceptionsCSV.render(result.report.exceptions).utf8), to: exceptions, provenance: result.provenance)
        }
    }
}
