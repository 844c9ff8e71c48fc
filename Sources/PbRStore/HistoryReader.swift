import PbRCore

/// Resolves versions as the driver hands over rows (one at a time, in key order) and hands the winners,
/// a batch at a time, to a `HistoryAssembly`, which decodes and groups them on the other cores while
/// the driver reads on.
///
/// The reader belongs to the thread that feeds it (`JournalStore.histories` keeps it behind a `Mutex`);
/// the decoding threads share only the assembly, which keeps its state behind its own. A struct, not a
/// class: its state is reached through the lock's `inout`, which the compiler checks once, where a
/// class's stored properties were checked at run time on every row (a tenth of the driver's thread).
struct HistoryReader: ~Copyable {
    private static let batchSize = 20_000
    /// Versions resolved by key alone: the texts stay here, as bytes.
    private var resolver = VersionResolving<Void>()
    /// The text of the last version added that is not a withdrawal: the winner's, when the resolver
    /// names one (the record before the row just added).
    private var latest: [UInt8] = []
    private var batch = WinnerBatch(capacity: HistoryReader.batchSize)
    private let assembly: HistoryAssembly
    private let withdrawals: [String: VersionResolver.Version]
    private var failure: StoreError?
    private let progress: (@Sendable (Int) -> Void)?
    private var rowsUnreported = 0

    /// - Parameter withdrawals: each withdrawn client's latest withdrawal among the rows to be read, read
    ///   before them (the rows of other kinds that they hide may come first).
    init(withdrawals: [String: VersionResolver.Version], progress: (@Sendable (Int) -> Void)?) {
        self.progress = progress
        self.withdrawals = withdrawals
        assembly = HistoryAssembly(withdrawals: withdrawals)
    }

    mutating func fail(_ reason: String) {
        if failure == nil { failure = StoreError.corrupt(reason) }
    }

    /// Adds a row as PostgreSQL's driver hands it over.
    mutating func add(packed: Int64, body: String) {
        var body = body
        body.withUTF8 { add(packed: packed, body: $0) }
    }

    /// Adds a row from its bytes, lent for the call (SQLite's): only the key becomes a string.
    mutating func add(packed: Int64, body: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        if let progress {
            rowsUnreported += 1
            if rowsUnreported == 100_000 { progress(rowsUnreported); rowsUnreported = 0 }
        }
        guard let code = VersionCode(packed) else { return fail("a journal row has an unknown kind: \(packed)") }
        // The key is the first canonical field (record_id, or client_id for a client); a withdrawal's body is its key.
        let end = body.firstIndex(of: RecordSchema.separator) ?? body.count
        let key = String(decoding: UnsafeBufferPointer(rebasing: body[..<end]), as: UTF8.self)
        // The record before this row, if it won, is `latest`'s: kept before this row's text replaces it.
        if let winner = resolver.add(kind: code.kind, key: key, version: code.version, payload: code.withdrawn ? nil : ()) {
            keep(winner)
        }
        if !code.withdrawn {
            latest.removeAll(keepingCapacity: true)
            latest.append(contentsOf: body)
        }
    }

    private mutating func keep(_ winner: VersionResolving<Void>.Winner) {
        batch.append(winner.kind, text: latest, version: winner.version)
        if batch.count == Self.batchSize { decodeBatch() }
    }

    /// Hands the batch to another thread; a batch that did not read back stops the reading at the next.
    private mutating func decodeBatch() {
        if let failed = assembly.failure { failure = failed }
        assembly.decode(batch)
        batch = WinnerBatch(capacity: Self.batchSize)
    }

    mutating func finish() throws(StoreError) -> [ClientHistory] {
        if let failure { throw failure }
        if let winner = resolver.finish() { keep(winner) }
        decodeBatch()
        let histories = try assembly.wait()
        // The withdrawals read first hid the records; those the rows showed must be the same.
        let seen = resolver.clientWithdrawals
        guard seen.count == withdrawals.count, seen.allSatisfy({ key, version in withdrawals[key].map { $0 == version } ?? false }) else {
            throw .corrupt("the client withdrawals changed while the journal was read")
        }
        return histories
    }
}
