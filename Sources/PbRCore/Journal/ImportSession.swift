/// What the audit trail keeps about an import, known before its rows are read.
public struct ImportHeader: Sendable {
    public var knownAt: Moment
    public var source: String
    /// SHA-256 of the extract's files: importing the same digest twice changes nothing.
    public var digest: String
    /// Where it came from (a folder path).
    public var origin: String
    public var importedBy: String

    public init(knownAt: Moment, source: String, digest: String, origin: String, importedBy: String) {
        self.knownAt = knownAt; self.source = source; self.digest = digest; self.origin = origin; self.importedBy = importedBy
    }
}

/// What an import did.
public struct ImportReceipt: Sendable, Equatable {
    public var importID: Int
    /// True when an extract with the same digest was imported before: nothing changed.
    public var alreadyImported: Bool
    public var rowsImported: Int
    public var withdrawals: Int
    /// Rows written to the rejects file (with --skip-bad-rows).
    public var rowsRejected: Int
    /// What the import let through but says (an earlier known_at, dates after it, columns and files
    /// ignored), as recorded in the audit trail; none for an extract already imported.
    public var warnings: [String]

    public init(importID: Int, alreadyImported: Bool, rowsImported: Int, withdrawals: Int, rowsRejected: Int,
                warnings: [String] = []) {
        self.importID = importID; self.alreadyImported = alreadyImported; self.rowsImported = rowsImported
        self.withdrawals = withdrawals; self.rowsRejected = rowsRejected; self.warnings = warnings
    }
}

/// What the importer hands the store at the end of an import, for the audit trail.
public struct ImportOutcome: Sendable, Equatable {
    public var rowsRejected: Int
    public var warnings: [String]

    public init(rowsRejected: Int, warnings: [String]) { self.rowsRejected = rowsRejected; self.warnings = warnings }
}

/// Where imports go: the journal store.
public protocol ImportTarget: Sendable {
    /// The import that brought an extract with this digest, if any.
    func importID(digest: String) async throws -> Int?

    /// Runs `body` inside one transaction, one import at a time. `body` streams the rows into the session
    /// and returns how many it rejected and its warnings; anything it throws leaves the store as it was.
    func importing(_ header: ImportHeader, _ body: (any ImportSession) async throws -> ImportOutcome) async throws
        -> ImportReceipt
}

/// One import in progress, inside its transaction. Lookups see the rows this import has written so far.
public protocol ImportSession: Sendable {
    /// Appends rows to the journal under this import. It may run while the lookups below are asked (one
    /// write at a time); they may not see the rows of a write still running.
    func write(_ rows: [JournalRow]) async throws
    /// The client ids among `ids` with any version in the store, this import's included.
    func knownClients(among ids: Set<String>) async throws -> Set<String>
    /// The client of each episode among `ids`: this import's version if it wrote one, else the latest.
    func episodeClients(among ids: Set<String>) async throws -> [String: String]
    /// The keys of `kind` among `keys` that this import has already written.
    func writtenKeys(_ kind: RecordKind, among keys: Set<String>) async throws -> Set<String>
    /// The keys of `kind` among `keys` that the store held before this import.
    func storedKeys(_ kind: RecordKind, among keys: Set<String>) async throws -> Set<String>
    /// Every provider id the store holds, this import's so far included.
    func providers() async throws -> [String]
    /// Records provider ids first named by this import's episodes.
    func addProviders(_ ids: [String]) async throws
    /// The import already in the store with the latest `known_at` (ties: the later import), if any.
    func latestImport() async throws -> (importID: Int, knownAt: Moment)?
}
