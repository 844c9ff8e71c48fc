import PbRCore

/// A digest of an import's rows as the journal holds them, kept with the import so that `pbr db check`
/// can tell that the rows are still what was written. The rows are taken in key order, in blocks of
/// `JournalStore.rowsPerInsert`; each block's SHA-256 is fed, as hex, to the SHA-256 of the whole.
struct RecordsDigest {
    private var whole = SHA256()

    /// Adds one block of rows as bound for `insert`: seven values a row (kind, key, known_at, import,
    /// client, deleted, fields).
    mutating func add(block binds: [JournalValue]) {
        var block = SHA256()
        for (index, value) in binds.enumerated() {
            switch value {
            case .text(let text): block.update(text)
            case .integer(let number): block.update(String(number))
            }
            block.update(index % 7 == 6 ? "\n" : "\u{1E}")
        }
        whole.update(block.finalize())
    }

    mutating func finalize() -> String { whole.finalize() }
}
