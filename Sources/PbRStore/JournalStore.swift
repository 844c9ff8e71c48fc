import Foundation
import PbRCore
import SQLKit

/// The append-only journal of everything imported: on SQLite (a file, created on first use) by default,
/// or on PostgreSQL for shared use.
///
/// Every import is one transaction, and imports are serialised: a crash or an error leaves the store as
/// it was before the import, and two imports at once both complete, one after the other.
public final class JournalStore: Sendable {
    let database: any SQLDatabase
    let connection: StoreConnection

    private init(connection: StoreConnection) {
        self.connection = connection
        database = connection.database
    }

    /// Opens the store and brings its schema up to date.
    /// - Parameter location: a SQLite file path (created on first use), or
    ///   `postgres://user:password@host:port/database`, optionally with `?schema=NAME`.
    public static func open(_ location: String) async throws -> JournalStore {
        let store = JournalStore(connection: try await StoreConnection.open(location))
        do {
            if store.connection.isSQLite {
                // WAL keeps readers working during an import; NORMAL sync keeps each commit atomic.
                for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 60000",
                               "PRAGMA foreign_keys = ON"] {
                    try await store.database.raw(SQLQueryString(pragma)).run()
                }
            }
            try await store.migrate()
        } catch {
            try? await store.connection.close()
            throw error
        }
        return store
    }

    public func close() async throws { try await connection.close() }

    /// Applies the migrations not yet applied, each in its own transaction.
    func migrate() async throws {
        try await database.raw(SQLQueryString(Migrations.bookkeeping)).run()
        let applied = try await database.raw("SELECT version FROM pbr_migrations").all()
            .map { try $0.decode(column: "version", as: Int.self) }
        for step in Migrations.all where !applied.contains(step.version) {
            try await transaction { db in
                for statement in step.statements(self.connection.isSQLite) { try await db.raw(SQLQueryString(statement)).run() }
                try await db.raw("""
                    INSERT INTO pbr_migrations (version, name, applied_at)
                    VALUES (\(bind: step.version), \(bind: step.name), \(bind: Self.now()))
                    """).run()
            }
        }
    }

    /// Runs `body` in one write transaction, one writer at a time; anything thrown rolls it back.
    func transaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        if connection.isSQLite {
            try await database.raw("BEGIN IMMEDIATE").run()
        } else {
            try await database.raw("BEGIN").run()
            // One writer at a time across every connection to this store (its schema), until this
            // transaction ends; stores in other schemas of the same database do not wait for it.
            try await database.raw("SELECT pg_advisory_xact_lock(70411, hashtext(current_schema()))").run()
        }
        do {
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            return result
        } catch {
            try? await database.raw("ROLLBACK").run()
            throw error
        }
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
