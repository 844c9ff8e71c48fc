import Crypto

/// One entry of the audit log: a change, or a view of client-level data. Entries are numbered from 1
/// without gaps, and each one's digest covers its fields and the digest of the entry before it, so an
/// edit or a deletion anywhere but at the end breaks the chain where it was made.
public struct AuditEntry: Sendable, Equatable {
    public var sequence: Int
    /// ISO 8601, UTC.
    public var at: String
    public var actor: String
    /// What was done: `user.add`, `statement.view`, `client.explain`...
    public var action: String
    /// What it was done to: a user name, a statement id, `contract/client`.
    public var subject: String
    public var detail: String
    /// The digest of the entry before (64 zeros for the first).
    public var previous: String
    public var digest: String

    public static let genesis = String(repeating: "0", count: 64)

    public init(sequence: Int, at: String, actor: String, action: String, subject: String, detail: String,
                previous: String, digest: String) {
        self.sequence = sequence; self.at = at; self.actor = actor; self.action = action; self.subject = subject
        self.detail = detail; self.previous = previous; self.digest = digest
    }

    /// The next entry after `last` (nil: the first), its digest made.
    public static func following(_ last: AuditEntry?, at: String, actor: String, action: String, subject: String,
                                 detail: String) -> AuditEntry {
        var entry = AuditEntry(sequence: (last?.sequence ?? 0) + 1, at: at, actor: actor, action: action, subject: subject,
                               detail: detail, previous: last?.digest ?? genesis, digest: "")
        entry.digest = entry.expectedDigest
        return entry
    }

    /// SHA-256 of the fields, each prefixed by its length in bytes so that no two entries share a text.
    public var expectedDigest: String {
        var text = ""
        for field in [String(sequence), at, actor, action, subject, detail, previous] {
            text += "\(field.utf8.count):\(field)\n"
        }
        return SHA256.hash(data: Array(text.utf8)).hex
    }
}
