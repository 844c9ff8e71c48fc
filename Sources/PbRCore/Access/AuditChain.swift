/// Checks the audit log's chain: the first entry that was edited, or that follows an entry deleted.
public enum AuditChain {
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        /// The first entry that does not verify (for a deletion: the entry after the gap).
        public var sequence: Int
        public var reason: String
        public var description: String { "entry \(sequence): \(reason)" }
    }

    /// The first break in `entries` (in sequence order, as stored), or nil when the whole chain verifies.
    /// An entry deleted from the end leaves no break: `pbr audit verify` prints the last entry's digest so
    /// that it can be kept elsewhere and compared.
    public static func firstBreak(_ entries: [AuditEntry]) -> Break? {
        var previous: AuditEntry?
        for entry in entries {
            let expectedSequence = (previous?.sequence ?? 0) + 1
            if entry.sequence != expectedSequence {
                let gap = entry.sequence - 1 == expectedSequence
                    ? "entry \(expectedSequence) before it is" : "entries \(expectedSequence)..\(entry.sequence - 1) before it are"
                return Break(sequence: entry.sequence, reason: gap + " missing (deleted)")
            }
            if entry.previous != (previous?.digest ?? AuditEntry.genesis) {
                return Break(sequence: entry.sequence, reason: "it does not follow the entry before it (that entry was edited or replaced)")
            }
            if entry.digest != entry.expectedDigest {
                return Break(sequence: entry.sequence, reason: "its fields do not match its digest (edited)")
            }
            previous = entry
        }
        return nil
    }
}
