import Dispatch
import Foundation
import PbRCore
import SQLKit
import PostgresNIO
import SQLiteNIO

extension JournalStore {
    /// Every client's records (in no particular order) as a run with this cut-off sees them: for each record its latest version
    /// with `known_at` at or before `knownAt` (all, when `nil`), withdrawals and withdrawn clients left out.
    ///
    /// Reads the journal in key order through the driver directly: at national scale (millions of
    /// versions) the generic row decoding would be most of a run's time.
    /// - Parameters:
    ///   - throughImport: see only what this import and those before it wrote (nil for every import), so
    ///     that a statement pinned to an import sees the same data however many imports came later.
    ///   - progress: told how many more journal rows have been read, every 100,000.
    ///   - client: only this client's records (`pbr explain`).
    public func histories(knownAt: Moment?, throughImport: Int? = nil, client: ClientID? = nil,
                          progress: (@Sendable (_ rows: Int) -> Void)? = nil) async throws -> [ClientHistory] {
        let sink = HistorySink(progress: progress)
        // Two columns a row (the driver builds a value per column, millions of times): the version, kind
        // and withdrawal flag packed into one number (`VersionCode`), and the canonical fields, or for a
        // withdrawal just its key.
        let cutoff = knownAt?.epochSeconds ?? Int64.max
        let lastImport = Int64(throughImport ?? Int(Int32.max))
        let query = """
            SELECT ((known_at_epoch * \(VersionCode.importLimit) + import_id) * 16
                    + (CASE kind \(Self.kindCodes) END) * 2 + deleted) AS code,
                   CASE deleted WHEN 0 THEN fields ELSE record_key END AS body
            FROM journal WHERE import_id <= \(lastImport)\(client.map { " AND client_id = '\(Self.quoted($0.rawValue))'" } ?? "") AND known_at_epoch <= 
            """
        let order = " ORDER BY kind, record_key, known_at_epoch, import_id"
        switch connection {
        case .sqlite(let sqlite):
            try await sqlite.query(query + "?" + order, [.integer(Int(cutoff))]) { row in
                guard case .integer(let code)? = row.column("code"), case .text(let body)? = row.column("body") else {
                    return sink.fail("a journal row does not have the expected columns: \(row)")
                }
                sink.add(packed: Int64(code), body: body)
            }
        case .postgres(let postgres):
            // PostgreSQL's own decoding: SQLKit's row decoding would be most of a run's time here too.
            var binds = PostgresBindings()
            binds.append(cutoff)
            let rows = try await postgres.query(PostgresQuery(unsafeSQL: query + "$1" + order, binds: binds),
                                                logger: postgres.logger)
            for try await (code, body) in rows.decode((Int64, String).self) { sink.add(packed: code, body: body) }
        }
        return try sink.finish()
    }

    /// Text inside single quotes in SQL: each quote doubled.
    static func quoted(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }

    /// `WHEN 'clients' THEN 0 ...`: each kind's position in `RecordKind.allCases`.
    static let kindCodes = RecordKind.allCases.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ")

    /// The imports on record, oldest first.
    public func imports() async throws -> [ImportSummary] {
        try await database.raw("""
            SELECT id, known_at, source, digest, origin, imported_at, imported_by, rows_imported, rows_rejected,
                   warnings AS warning_lines
            FROM imports ORDER BY id
            """).all(decoding: ImportSummary.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

/// One import as the audit trail keeps it.
public struct ImportSummary: Decodable, Sendable {
    public var id: Int
    public var knownAt: String
    public var source: String
    public var digest: String
    public var origin: String
    public var importedAt: String
    public var importedBy: String
    public var rowsImported: Int
    public var rowsRejected: Int
    /// The import's warnings, one a line (empty when none, and for imports from before warnings were kept).
    private var warningLines: String

    /// The warnings the import raised, in the order it raised them.
    public var warnings: [String] { warningLines.split(separator: "\n").map(String.init) }
}

/// Resolves versions as the driver hands over rows (one at a time, in key order) and decodes the
/// winners on the other cores in batches while the driver reads on, sorting them into shards of clients
/// (by a hash of the client id); then groups each shard by client, every shard on its own core.
private final class HistorySink: @unchecked Sendable {
    private static let batchSize = 20_000
    private static let shardCount = 16
    private var resolver: VersionResolver! = nil
    private var batch: [(RecordKind, String, VersionResolver.Version)] = []
    /// For each batch, its records (with their versions) by shard.
    private var decoded: [[[(Record, VersionResolver.Version)]]?] = []
    private let lock = NSLock()
    private let decoding = DispatchGroup()
    private var error: (any Error)?
    private let progress: (@Sendable (Int) -> Void)?
    private var rowsUnreported = 0

    init(progress: (@Sendable (Int) -> Void)?) {
        self.progress = progress
        resolver = VersionResolver { [unowned self] kind, _, fields, version in
            self.batch.append((kind, fields, version))
            if self.batch.count == Self.batchSize { self.decodeBatch() }
        }
        batch.reserveCapacity(Self.batchSize)
    }

    func fail(_ reason: String) {
        if error == nil { error = StoreError.corrupt(reason) }
    }

    func add(packed: Int64, body: String) {
        guard error == nil else { return }
        if let progress {
            rowsUnreported += 1
            if rowsUnreported == 100_000 { progress(rowsUnreported); rowsUnreported = 0 }
        }
        guard let code = VersionCode(packed) else { return fail("a journal row has an unknown kind: \(packed)") }
        // The key is the first canonical field (record_id, or client_id for a client); a withdrawal's body is its key.
        let key = body.utf8.firstIndex(of: RecordSchema.separator).map { String(body[..<$0]) } ?? body
        resolver.add(kind: code.kind, key: key, version: code.version, payload: code.withdrawn ? nil : body)
    }

    /// Hands the batch to another thread; its records land in `decoded` at the batch's index.
    private func decodeBatch() {
        let work = batch, slot = decoded.count
        batch = []
        batch.reserveCapacity(Self.batchSize)
        decoded.append(nil)
        DispatchQueue.global().async(group: decoding) {
            var records: [[(Record, VersionResolver.Version)]] = Array(repeating: [], count: Self.shardCount)
            var failure: String?
            for (kind, fields, version) in work {
                guard let record = RecordSchema.record(kind, canonical: fields) else {
                    failure = "a stored \(kind.rawValue) record does not read back: \(fields)"
                    break
                }
                records[Self.shard(of: record.clientID)].append((record, version))
            }
            self.lock.withLock {
                self.decoded[slot] = records
                if let failure, self.error == nil { self.error = StoreError.corrupt(failure) }
            }
        }
    }

    func finish() throws -> [ClientHistory] {
        resolver.finish()
        decodeBatch()
        decoding.wait()
        if let error { throw error }
        let withdrawals = resolver.clientWithdrawals
        let batches = decoded.map { $0! }
        return concurrentMap(Self.shardCount) { shard in
            var index: [ClientID: Int] = [:]
            var histories: [ClientHistory] = []
            for batch in batches {
                for (record, version) in batch[shard] where record.kind == .clients
                    || !VersionResolver.isHidden(client: record.clientID, version: version, by: withdrawals) {
                    let id = record.clientID
                    if let at = index[id] {
                        histories[at].add(record)
                    } else {
                        index[id] = histories.count
                        var history = ClientHistory(clientID: id)
                        history.add(record)
                        histories.append(history)
                    }
                }
            }
            return histories
        }.flatMap { $0 }
    }

    private static func shard(of client: ClientID) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in client.rawValue.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }
}

/// A journal row's version, kind and withdrawal flag in one integer, so that the driver builds one value
/// for them: ((known_at_epoch × 2^20 + import_id) × 16 + kind × 2 + deleted). Order-preserving for any
/// `known_at` (negative too) while import ids stay under 2^20, which `append` enforces.
struct VersionCode {
    static let importLimit: Int64 = 1 << 20
    let kind: RecordKind
    let withdrawn: Bool
    let version: VersionResolver.Version

    init?(_ packed: Int64) {
        let low = Int(packed & 15)
        guard RecordKind.allCases.indices.contains(low / 2) else { return nil }
        kind = RecordKind.allCases[low / 2]
        withdrawn = low % 2 == 1
        let rest = packed >> 4
        version = (knownAt: rest >> 20, sequence: rest & (Self.importLimit - 1))
    }
}
