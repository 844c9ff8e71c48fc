import PbRCore
import SQLKit

/// What to write to the audit log: the store numbers it, dates it and chains it.
public struct AuditRecord: Sendable, Equatable {
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: String

    public init(actor: String, action: String, subject: String, detail: String = "") {
        self.actor = actor; self.action = action; self.subject = subject; self.detail = detail
    }
}

extension JournalStore {
    /// Appends one entry to the audit log, in a transaction of its own.
    public func appendAudit(_ record: AuditRecord) async throws {
        try await transaction { db in try await self.appendAudit(record, db) }
    }

    /// Appends inside the caller's transaction, so the change and its entry are kept together or not at
    /// all; the writer's lock makes the chain's order the order of the writes.
    func appendAudit(_ record: AuditRecord, _ db: any SQLDatabase) async throws {
        let last = try await db.raw("""
            SELECT sequence, at, actor, action, subject, detail, previous, digest FROM audit_log ORDER BY sequence DESC LIMIT 1
            """).first().map(Self.decodeAudit)
        let entry = AuditEntry.following(last, at: Self.now(), actor: record.actor, action: record.action,
                                         subject: record.subject, detail: record.detail)
        try await db.raw("""
            INSERT INTO audit_log (sequence, at, actor, action, subject, detail, previous, digest)
            VALUES (\(bind: entry.sequence), \(bind: entry.at), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.subject),
                    \(bind: entry.detail), \(bind: entry.previous), \(bind: entry.digest))
            """).run()
    }

    /// Entries in sequence order: those after `after`, at most `limit` (nil: all).
    public func auditEntries(after: Int = 0, limit: Int? = nil) async throws -> [AuditEntry] {
        let limited: SQLQueryString = limit.map { " LIMIT \(bind: $0)" } ?? ""
        return try await database.raw("""
            SELECT sequence, at, actor, action, subject, detail, previous, digest FROM audit_log
            WHERE sequence > \(bind: after) ORDER BY sequence\(limited)
            """).all().map(Self.decodeAudit)
    }

    /// How many entries the log holds.
    public func auditCount() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func decodeAudit(_ row: any SQLRow) throws -> AuditEntry {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        return AuditEntry(sequence: try row.decode(column: "sequence", as: Int.self), at: try text("at"), actor: try text("actor"),
                          action: try text("action"), subject: try text("subject"), detail: try text("detail"),
                          previous: try text("previous"), digest: try text("digest"))
    }
}
