import PbRCore
import SQLKit

extension JournalStore {
    /// Every user, by name.
    public func users() async throws -> [StoredUser] {
        try await database.raw("""
            SELECT name, role, provider_id, contract_ids, password_hash, disabled, created_at, created_by FROM users ORDER BY name
            """).all().map(Self.decodeUser)
    }

    /// One user, or nil.
    public func user(named name: String) async throws -> StoredUser? {
        try await database.raw("""
            SELECT name, role, provider_id, contract_ids, password_hash, disabled, created_at, created_by FROM users WHERE name = \(bind: name)
            """).first().map(Self.decodeUser)
    }

    /// Adds a user, with `audit` in the same transaction.
    /// - Throws: `StoreError.conflict` when the name is taken (names differing only in case are the same name).
    public func add(_ user: StoredUser, audit: AuditRecord) async throws {
        try await transaction { db in
            let names = try await db.raw("SELECT name FROM users").all().map { try $0.decode(column: "name", as: String.self) }
            if let taken = names.first(where: { $0.lowercased() == user.name.lowercased() }) {
                throw StoreError.conflict("a user '\(taken)' exists already")
            }
            try await db.raw("""
                INSERT INTO users (name, role, provider_id, contract_ids, password_hash, disabled, created_at, created_by)
                VALUES (\(bind: user.name), \(bind: user.role.rawValue), \(bind: user.providerID?.rawValue ?? ""),
                        \(bind: user.contractIDs.joined(separator: ",")), \(bind: user.passwordHash), 0, \(bind: Self.now()), \(bind: user.createdBy))
                """).run()
            try await self.appendAudit(audit, db)
        }
    }

    /// Disables a user and ends every session and token it holds, with `audit` in the same transaction.
    /// - Throws: `StoreError.notFound` for an unknown user.
    public func disable(user name: String, audit: AuditRecord) async throws {
        try await transaction { db in
            guard try await db.raw("SELECT name FROM users WHERE name = \(bind: name)").first() != nil else {
                throw StoreError.notFound("no user '\(name)'")
            }
            try await db.raw("UPDATE users SET disabled = 1 WHERE name = \(bind: name)").run()
            try await db.raw("DELETE FROM credentials WHERE user_name = \(bind: name)").run()
            try await self.appendAudit(audit, db)
        }
    }

    static func decodeUser(_ row: any SQLRow) throws -> StoredUser {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        let role = try text("role")
        guard let parsed = Role(rawValue: role) else { throw StoreError.corrupt("users.role '\(role)' is not a role") }
        let provider = try text("provider_id"), contracts = try text("contract_ids")
        return StoredUser(name: try text("name"), role: parsed, providerID: provider.isEmpty ? nil : ProviderID(provider),
                          contractIDs: contracts.split(separator: ",").map(String.init), passwordHash: try text("password_hash"),
                          disabled: try row.decode(column: "disabled", as: Int.self) != 0, createdAt: try text("created_at"),
                          createdBy: try text("created_by"))
    }
}
