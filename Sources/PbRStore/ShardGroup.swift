import PbRCore

/// One shard's clients, each with its history, in the order the read first met them.
///
/// A client's position is found through a table of its own, by the hash that chose the client's shard:
/// a `Dictionary` would hash every record's client id once more (SipHash), a fifth of the grouping's time.
struct ShardGroup: Sendable {
    private(set) var histories: [ClientHistory] = []
    /// Open addressing with linear probing: each slot holds a position in `histories` (-1 when empty)
    /// and that client's hash; at most half the slots are in use.
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes = [UInt32](repeating: 0, count: 1024)
    /// The client of the last record added: a client's records mostly come one after another.
    private var last: (client: ClientID, position: Int)?

    /// FNV-1a over the id's bytes: chooses the shard (its value modulo the number of shards) and the slot.
    static func hash(of client: ClientID) -> UInt32 {
        var text = client.rawValue
        return text.withUTF8 { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }
    }

    /// The histories, handed over whole: the group keeps none.
    mutating func takeHistories() -> [ClientHistory] {
        defer { histories = [] }
        return histories
    }

    /// - Parameter clientHash: `hash(of: record.clientID)`, found when the record's shard was chosen.
    mutating func add(_ record: Record, clientHash: UInt32) {
        let id = record.clientID
        let position: Int
        if let last, last.client == id {
            position = last.position
        } else {
            position = find(id, hash: clientHash)
        }
        last = (id, position)
        histories[position].add(record)
    }

    /// The client's position, a new history at the end for a client not met before.
    private mutating func find(_ id: ClientID, hash: UInt32) -> Int {
        var slot = Self.firstSlot(hash, slots.count)
        while slots[slot] >= 0 {
            let position = Int(slots[slot])
            if hashes[slot] == hash, histories[position].clientID == id { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
        let position = histories.count
        histories.append(ClientHistory(clientID: id))
        slots[slot] = Int32(position)
        hashes[slot] = hash
        if 2 * histories.count > slots.count { grow() }
        return position
    }

    /// Twice the slots, every client placed again.
    private mutating func grow() {
        let old = zip(slots, hashes).filter { $0.0 >= 0 }
        slots = [Int32](repeating: -1, count: 2 * slots.count)
        hashes = [UInt32](repeating: 0, count: slots.count)
        for (position, hash) in old {
            var slot = Self.firstSlot(hash, slots.count)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = position
            hashes[slot] = hash
        }
    }

    /// The low bits chose the shard, so all of a shard's clients share them: the slot comes from the rest.
    private static func firstSlot(_ hash: UInt32, _ count: Int) -> Int { Int(hash >> 4) & (count - 1) }
}
