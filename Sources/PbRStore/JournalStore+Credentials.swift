import PbRCore
import SQLKit

extension JournalStore {
    /// Keeps a session or token, with `audit` in the same transaction.
    public func add(_ credential: StoredCredential, audit: AuditRecord?) async throws {
        try await transaction { db in
            try await db.raw("""
                INSERT INTO credentials (secret_sha256, kind, user_name, csrf, created_at, expires_epoch)
                VALUES (\(bind: credential.secretSHA256), \(bind: credential.kind.rawValue), \(bind: credential.userName),
                        \(bind: credential.csrf), \(bind: Self.now()), \(bind: credential.expiresEpoch))
                """).run()
            if let audit { try await self.appendAudit(audit, db) }
        }
    }

    /// The credential with this secret's digest, and its user, if both are still good at `nowEpoch`: not
    /// expired, and the user not disabled.
    public func credential(secretSHA256: String, nowEpoch: Int64) async throws -> (StoredCredential, StoredUser)? {
        guard let row = try await database.raw("""
            SELECT c.secret_sha256, c.kind, c.csrf, c.expires_epoch,
                   u.name, u.role, u.provider_id, u.contract_ids, u.password_hash, u.disabled, u.created_at, u.created_by
            FROM credentials c JOIN users u ON u.name = c.user_name
            WHERE c.secret_sha256 = \(bind: secretSHA256)
            """).first() else { return nil }
        let user = try Self.decodeUser(row)
        let kind = try row.decode(column: "kind", as: String.self)
        let expires = try row.decode(column: "expires_epoch", as: Int64.self)
        guard let parsed = StoredCredential.Kind(rawValue: kind) else { throw StoreError.corrupt("credentials.kind '\(kind)'") }
        guard !user.disabled, expires == 0 || expires > nowEpoch else { return nil }
        let credential = StoredCredential(secretSHA256: secretSHA256, kind: parsed, userName: user.name,
                                          csrf: try row.decode(column: "csrf", as: String.self), expiresEpoch: expires)
        return (credential, user)
    }

    /// Moves a session's expiry to `expiresEpoch` (sliding expiry: a session in use stays signed in).
    /// Not audited: it changes no one's rights, and every request would add an entry.
    public func renewSession(secretSHA256: String, expiresEpoch: Int64) async throws {
        try await transaction { db in
            try await db.raw("""
                UPDATE credentials SET expires_epoch = \(bind: expiresEpoch)
                WHERE secret_sha256 = \(bind: secretSHA256) AND kind = 'session'
                """).run()
        }
    }

    /// Ends a session (signing out), with `audit` in the same transaction.
    public func removeCredential(secretSHA256: String, audit: AuditRecord?) async throws {
        try await transaction { db in
            try await db.raw("DELETE FROM credentials WHERE secret_sha256 = \(bind: secretSHA256)").run()
            if let audit { try await self.appendAudit(audit, db) }
        }
    }

    /// Forgets sessions that expired before `nowEpoch`; returns how many.
    @discardableResult
    public func removeExpiredSessions(nowEpoch: Int64) async throws -> Int {
        try await transaction { db in
            let count = try await db.raw("""
                SELECT COUNT(*) AS n FROM credentials WHERE expires_epoch > 0 AND expires_epoch <= \(bind: nowEpoch)
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            try await db.raw("DELETE FROM credentials WHERE expires_epoch > 0 AND expires_epoch <= \(bind: nowEpoch)").run()
            return count
        }
    }
}
