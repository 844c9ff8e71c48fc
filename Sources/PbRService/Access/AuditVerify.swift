import PbRCore
import PbRStore

/// `pbr audit verify`: walks the audit log's chain and names the first entry that was edited or that
/// follows a deletion.
public struct AuditVerify: Sendable {
    public struct Result: Sendable, Equatable {
        public var entries: Int
        public var firstBreak: AuditChain.Break?
        /// The last entry's sequence and digest: kept elsewhere, they show a deletion from the end too.
        public var head: (sequence: Int, digest: String)?

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.entries == rhs.entries && lhs.firstBreak == rhs.firstBreak && lhs.head?.sequence == rhs.head?.sequence
                && lhs.head?.digest == rhs.head?.digest
        }
    }

    public init() {}

    public func run(on store: JournalStore) async throws -> Result {
        let entries = try await store.auditEntries()
        return Result(entries: entries.count, firstBreak: AuditChain.firstBreak(entries),
                      head: entries.last.map { ($0.sequence, $0.digest) })
    }
}
