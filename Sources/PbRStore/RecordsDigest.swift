import PbRCore

/// A digest of an import's rows as the journal holds them, kept with the import so that `pbr db check`
/// can tell that the rows are still what was written. The rows are taken in key order, in blocks of
/// `JournalStore.rowsPerInsert`; each block's SHA-256 is fed, as hex, to the SHA-256 of the whole.
struct RecordsDigest {
    private var whole = SHA256()

    /// Adds one block of rows as bound for `insert`: seven values a row (kind, key, known_at, import,
    /// client, deleted, fields).
    mutating func add(block binds: [JournalValue]) { add(blockDigest: Self.digest(of: binds)) }

    /// Adds a block's digest computed elsewhere (on another core) with `digest(of:)`.
    mutating func add(blockDigest: String) { whole.update(blockDigest) }

    /// One block's digest, as hex.
    static func digest(of binds: [JournalValue]) -> String {
        // The block's bytes first, hashed in one pass: one call a block, not one a value.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(binds.count * 24)
        for (index, value) in binds.enumerated() {
            switch value {
            case .text(let text): bytes.append(contentsOf: text.utf8)
            case .integer(let number): bytes.append(contentsOf: String(number).utf8)
            }
            bytes.append(contentsOf: (index % 7 == 6 ? "\n" : "\u{1E}").utf8)
        }
        var block = SHA256()
        block.update(bytes)
        return block.finalize()
    }

    mutating func finalize() -> String { whole.finalize() }
}
