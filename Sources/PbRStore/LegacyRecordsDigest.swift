import Crypto
import PbRCore

/// The records digest of imports written before imports streamed (store format 2): rows in key order, in
/// blocks of 2,000; each block's SHA-256, as hex, fed to the SHA-256 of the whole. Kept so that
/// `pbr db check` still verifies those imports; new imports use `RecordsDigest`.
struct LegacyRecordsDigest {
    private static let rowsPerBlock = 2_000
    private var whole = SHA256()
    private var block: [UInt8] = []
    private var rowsInBlock = 0

    /// Adds one row's seven values: kind, key, known_at, import, client, deleted, fields.
    mutating func add(_ values: [JournalValue]) {
        for (index, value) in values.enumerated() {
            switch value {
            case .text(let text): block.append(contentsOf: text.utf8)
            case .integer(let number): block.append(contentsOf: String(number).utf8)
            }
            block.append(contentsOf: (index == 6 ? "\n" : "\u{1E}").utf8)
        }
        rowsInBlock += 1
        if rowsInBlock == Self.rowsPerBlock { flush() }
    }

    private mutating func flush() {
        whole.update(data: Array(SHA256.hash(data: block).hex.utf8))
        block = []
        rowsInBlock = 0
    }

    mutating func finalize() -> String {
        if rowsInBlock > 0 { flush() }
        return whole.finalize().hex
    }
}
