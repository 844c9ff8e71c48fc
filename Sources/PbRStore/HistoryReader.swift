import Dispatch
import PbRCore
import Synchronization

/// Resolves versions as the driver hands over rows (one at a time, in key order) and decodes the
/// winners on the other cores in batches while the driver reads on, sorting them into shards of clients
/// (by a hash of the client id); then groups each shard by client, every shard on its own core.
///
/// The reader belongs to the thread that feeds it (`JournalStore.histories` keeps it behind a `Mutex`);
/// the decoding threads share only `DecodedBatches`, which keeps its state behind its own.
final class HistoryReader {
    private static let batchSize = 20_000
    private var resolver: VersionResolver! = nil
    private var batch: [DecodedBatches.Winner] = []
    private let decoded = DecodedBatches()
    private var failure: StoreError?
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
        if failure == nil { failure = StoreError.corrupt(reason) }
    }

    func add(packed: Int64, body: String) {
        guard failure == nil else { return }
        if let progress {
            rowsUnreported += 1
            if rowsUnreported == 100_000 { progress(rowsUnreported); rowsUnreported = 0 }
        }
        guard let code = VersionCode(packed) else { return fail("a journal row has an unknown kind: \(packed)") }
        // The key is the first canonical field (record_id, or client_id for a client); a withdrawal's body is its key.
        let key = body.utf8.firstIndex(of: RecordSchema.separator).map { String(body[..<$0]) } ?? body
        resolver.add(kind: code.kind, key: key, version: code.version, payload: code.withdrawn ? nil : body)
    }

    /// Hands the batch to another thread; a batch that did not read back stops the reading at the next.
    private func decodeBatch() {
        if let failed = decoded.failure { failure = failed }
        decoded.decode(batch)
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }

    func finish() throws(StoreError) -> [ClientHistory] {
        if let failure { throw failure }
        resolver.finish()
        decodeBatch()
        let batches = try decoded.wait()
        let withdrawals = resolver.clientWithdrawals
        return concurrentMap(DecodedBatches.shardCount) { shard in
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
}

/// The batches of a `HistoryReader`, decoded on other threads: each batch's records, with their
/// versions, by shard, in the order the batches were handed over.
final class DecodedBatches: Sendable {
    typealias Winner = (kind: RecordKind, fields: String, version: VersionResolver.Version)
    typealias Shards = [[(Record, VersionResolver.Version)]]
    static let shardCount = 16

    private struct State {
        var batches: [Shards?] = []
        var failure: StoreError?
    }

    private let state = Mutex(State())
    private let decoding = DispatchGroup()

    /// The first batch that did not read back, once its thread has finished.
    var failure: StoreError? { state.withLock { $0.failure } }

    func decode(_ work: [Winner]) {
        let slot = state.withLock { state in
            state.batches.append(nil)
            return state.batches.count - 1
        }
        DispatchQueue.global().async(group: decoding) {
            var records: Shards = Array(repeating: [], count: Self.shardCount)
            var failure: StoreError?
            for (kind, fields, version) in work {
                guard let record = RecordSchema.record(kind, canonical: fields) else {
                    failure = .corrupt("a stored \(kind.rawValue) record does not read back: \(fields)")
                    break
                }
                records[Self.shard(of: record.clientID)].append((record, version))
            }
            self.state.withLock { state in
                state.batches[slot] = records
                if state.failure == nil { state.failure = failure }
            }
        }
    }

    /// Every batch, once every thread has finished.
    func wait() throws(StoreError) -> [Shards] {
        decoding.wait()
        return try state.withLock { (state) throws(StoreError) -> [Shards] in
            if let failure = state.failure { throw failure }
            return state.batches.map { $0! }
        }
    }

    private static func shard(of client: ClientID) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in client.rawValue.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }
}
