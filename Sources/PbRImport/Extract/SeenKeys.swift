/// The keys a file has shown so far, in a fixed 16 MiB however long the file: a Bloom filter.
///
/// "Not seen" is certain; "maybe seen" is confirmed by the caller against the store (a false alarm costs
/// one lookup). With four bits a key, by the usual formula, a file of 1.5 million keys has about one false
/// alarm in 300,000 and a file ten times as long about one in 60: a longer file costs lookups, not memory.
struct SeenKeys {
    private static let bitCount = 1 << 27
    private var words = [UInt64](repeating: 0, count: bitCount / 64)

    /// Adds a key by its `hashValue`; returns whether it may have been added before.
    mutating func insert(hash: Int) -> Bool {
        let hash = UInt64(bitPattern: Int64(hash))
        // Four positions from one 64-bit hash (Kirsch and Mitzenmacher's double hashing).
        let first = hash & 0xFFFF_FFFF, step = (hash >> 32) | 1
        var seen = true
        for index in 0..<UInt64(4) {
            let bit = Int(truncatingIfNeeded: (first &+ index &* step) & UInt64(Self.bitCount - 1))
            let mask: UInt64 = 1 << UInt64(bit & 63)
            if words[bit >> 6] & mask == 0 {
                seen = false
                words[bit >> 6] |= mask
            }
        }
        return seen
    }
}

/// Ids known to be good, up to a limit: past it, the set starts again and the store answers for what
/// it forgot. The store is always right; this only spares it the question.
struct BoundedCache<Value> {
    private var values: [String: Value] = [:]
    let limit: Int

    init(limit: Int) { self.limit = limit }

    subscript(id: String) -> Value? { values[id] }

    mutating func insert(_ id: String, _ value: Value) {
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[id] = value
    }
}
