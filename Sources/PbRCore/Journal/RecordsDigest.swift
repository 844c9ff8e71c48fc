import Crypto

/// A digest of an import's rows as the journal holds them, kept with the import so that `pbr db check`
/// can tell that the rows are still what was written.
///
/// Each row has its own SHA-256 (`RowDigest`); the import's digest is their sum modulo 2^256. A sum does
/// not depend on order, so the importer can add rows as it streams them in file order and the check can
/// add them back in key order; unlike an exclusive-or, two equal rows do not cancel out.
public struct RecordsDigest: Sendable, Equatable {
    /// Little-endian 64-bit limbs of the sum.
    private var limbs = SIMD4<UInt64>()

    public init() {}

    public mutating func add(_ row: RowDigest) {
        var carry: UInt64 = 0
        for index in 0..<4 {
            let (partial, overflow1) = limbs[index].addingReportingOverflow(row.limbs[index])
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
    }

    public static let prefix = "sum256:"

    /// "sum256:" and 64 hex digits, most significant first. The prefix tells it from the block digests
    /// of stores written before imports streamed (`LegacyRecordsDigest`).
    public var text: String {
        Self.prefix + [limbs[3], limbs[2], limbs[1], limbs[0]].map { limb in
            let hex = String(limb, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

/// One journal row's SHA-256: its kind, key, client, withdrawal flag and fields, separated by U+001E.
/// The import and `known_at` are left out: they are the same for every row of an import, and
/// `pbr db check` checks them against the import's own record.
public struct RowDigest: Sendable, Equatable {
    /// Little-endian 64-bit limbs, held inline: one is made for every row of every import.
    let limbs: SIMD4<UInt64>

    public init(kind: RecordKind, key: String, clientID: String, withdraws: Bool, fields: String) {
        // The parts into one buffer on the stack, hashed in one call: this runs for every row of every
        // import, and building the buffer on the heap cost as much as the hash itself.
        let name = kind.rawValue.utf8, flag = UInt8(ascii: withdraws ? "1" : "0")
        let count = name.count + key.utf8.count + clientID.utf8.count + fields.utf8.count + 5
        limbs = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var end = buffer[...].initialize(fromContentsOf: name)
            func append(_ part: String.UTF8View) {
                buffer[end] = 0x1E
                end = buffer[(end + 1)...].initialize(fromContentsOf: part)
            }
            append(key.utf8)
            append(clientID.utf8)
            buffer[end] = 0x1E
            buffer[end + 1] = flag
            end += 2
            append(fields.utf8)
            return Self.limbs(SHA256.hash(data: UnsafeRawBufferPointer(buffer)))
        }
    }

    private static func limbs(_ digest: SHA256.Digest) -> SIMD4<UInt64> {
        digest.withUnsafeBytes { hash in
            // The digest read as a big-endian 256-bit number: limb 0 is its last eight bytes.
            func limb(_ index: Int) -> UInt64 { UInt64(bigEndian: hash.loadUnaligned(fromByteOffset: 24 - 8 * index, as: UInt64.self)) }
            return SIMD4(limb(0), limb(1), limb(2), limb(3))
        }
    }
}
