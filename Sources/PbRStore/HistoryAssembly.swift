import Dispatch
import PbRCore
import Synchronization

/// The winners of a journal read, decoded a batch at a time on other threads and grouped into clients'
/// histories while the driver reads on.
///
/// Each batch is decoded on its own thread, its records sorted into shards of clients (by a hash of the
/// client id), and then grouped into its shards' histories as soon as every batch before it has been
/// grouped: so the histories are the same whatever the scheduling (each client's records in the order
/// of the read), the grouping runs on the other core during the read instead of after it, and a decoded
/// batch lives only until it is grouped, instead of every record being held twice at the end.
///
/// The client withdrawals must be known before the first batch (they hide records read before the
/// clients' own rows); `JournalStore.histories` reads them first.
final class HistoryAssembly: Sendable {
    /// Each shard's records, with their client's `ShardGroup.hash`.
    typealias Shards = [[(record: Record, clientHash: UInt32)]]
    static let shardCount = 16

    private struct State {
        /// Batches decoded but not yet grouped, by their place in the read.
        var decoded: [Int: Shards] = [:]
        var batchesHandedOver = 0
        var nextToGroup = 0
        /// True while one thread groups; it has taken `groups` out meanwhile.
        var grouping = false
        var groups = Array(repeating: ShardGroup(), count: HistoryAssembly.shardCount)
        var failure: StoreError?

        /// The next batch in the read's order, if it has been decoded.
        mutating func takeNext() -> Shards? {
            guard let batch = decoded.removeValue(forKey: nextToGroup) else { return nil }
            nextToGroup += 1
            return batch
        }
    }

    private let state = Mutex(State())
    private let decoding = DispatchGroup()
    private let withdrawals: [String: VersionResolver.Version]
    /// A bit for each withdrawn client's hash (its low 16 bits): a record whose client's bit is clear
    /// needs no look-up in `withdrawals`, which would hash its client id once more.
    private let withdrawnHashes: [UInt64]

    /// - Parameter withdrawals: each withdrawn client's latest withdrawal, as `VersionResolver` keeps them.
    init(withdrawals: [String: VersionResolver.Version]) {
        self.withdrawals = withdrawals
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for client in withdrawals.keys {
            let low = Int(ShardGroup.hash(of: ClientID(client)) & 0xFFFF)
            bits[low >> 6] |= 1 << UInt64(low & 63)
        }
        withdrawnHashes = bits
    }

    /// True when the client may have been withdrawn (always when it was).
    private func mayBeWithdrawn(_ clientHash: UInt32) -> Bool {
        let low = Int(clientHash & 0xFFFF)
        return withdrawnHashes[low >> 6] & (1 << UInt64(low & 63)) != 0
    }

    /// The first batch that did not read back, once its thread has finished.
    var failure: StoreError? { state.withLock { $0.failure } }

    /// Decodes `work` on another thread, then groups it after the batches handed over before it.
    func decode(_ work: WinnerBatch) {
        let slot = state.withLock { state in
            state.batchesHandedOver += 1
            return state.batchesHandedOver - 1
        }
        DispatchQueue.global().async(group: decoding) {
            // Room for an even share and a little more, so that a shard's array is rarely moved as it grows.
            var records: Shards = (0..<Self.shardCount).map { _ in
                var shard: Shards.Element = []
                shard.reserveCapacity(work.count / Self.shardCount + work.count / (4 * Self.shardCount) + 16)
                return shard
            }
            var failure: StoreError?
            work.texts.withUnsafeBufferPointer { texts in
                for (kind, range, version) in work.winners {
                    let text = UnsafeBufferPointer(rebasing: texts[range])
                    guard let record = RecordSchema.record(kind, canonical: text) else {
                        failure = .corrupt("a stored \(kind.rawValue) record does not read back: \(String(decoding: text, as: UTF8.self))")
                        break
                    }
                    let clientHash = ShardGroup.hash(of: record.clientID)
                    guard kind == .clients || !self.mayBeWithdrawn(clientHash)
                        || !VersionResolver.isHidden(client: record.clientID, version: version, by: self.withdrawals)
                    else { continue }
                    records[Int(clientHash % UInt32(Self.shardCount))].append((record, clientHash))
                }
            }
            self.state.withLock { state in
                state.decoded[slot] = failure == nil ? records : []
                if state.failure == nil { state.failure = failure }
            }
            self.groupReadyBatches()
        }
    }

    /// Every client's history, once every batch has been decoded and grouped.
    func wait() throws(StoreError) -> [ClientHistory] {
        decoding.wait()
        var groups = try state.withLock { (state) throws(StoreError) -> [ShardGroup] in
            if let failure = state.failure { throw failure }
            precondition(!state.grouping && state.decoded.isEmpty && state.nextToGroup == state.batchesHandedOver,
                         "every batch is grouped once every decoding thread has finished")
            defer { state.groups = [] }
            return state.groups
        }
        return Self.joined(&groups)
    }

    /// The shards' histories in one array, in shard order, each moved (`popLast`, then into its place)
    /// where joining the arrays copied it (every array of every history retained, then released with
    /// its shard), on one core.
    private static func joined(_ groups: inout [ShardGroup]) -> [ClientHistory] {
        let total = groups.reduce(0) { $0 + $1.histories.count }
        return Array(unsafeUninitializedCapacity: total) { buffer, count in
            // From the last shard's last history back to the first's first, each into its place from the end.
            var place = total
            for shard in groups.indices.reversed() {
                var histories = groups[shard].takeHistories()
                while let history = histories.popLast() {
                    place -= 1
                    (buffer.baseAddress! + place).initialize(to: history)
                }
            }
            precondition(place == 0, "every shard's histories fill the array")
            count = total
        }
    }

    /// Groups the decoded batches that are next in order, unless another thread already does: one thread
    /// at a time holds the groups, outside the lock, and checks for the next batch under it before it
    /// hands them back, so a batch decoded meanwhile is never left behind.
    private func groupReadyBatches() {
        guard var (batch, groups) = state.withLock({ state -> (Shards, [ShardGroup])? in
            guard !state.grouping, let batch = state.takeNext() else { return nil }
            state.grouping = true
            defer { state.groups = [] }
            return (batch, state.groups)
        }) else { return }
        while true {
            for shard in batch.indices {
                for (record, clientHash) in batch[shard] { groups[shard].add(record, clientHash: clientHash) }
            }
            batch = []
            guard let next = state.withLock({ state -> Shards? in
                if let next = state.takeNext() { return next }
                state.groups = groups
                state.grouping = false
                return nil
            }) else { return }
            batch = next
        }
    }
}
