import Foundation
import PbRCore
import SQLKit
import SQLiteKit

/// The append-only journal of everything imported, on SQLite (a file, created on first use).
///
/// Every import is one transaction: a crash or an error leaves the store as it was before the import.
public final class JournalStore: ExistingRecords, Sendable {
    let database: any SQLDatabase
    let connection: SQLiteConnection

    private init(connection: SQLiteConnection) {
        self.connection = connection
        database = connection.sql()
    }

    /// Opens (creating if needed) the SQLite file and brings its schema up to date.
    public static func open(sqlitePath path: String) async throws -> JournalStore {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        let store = JournalStore(connection: connection)
        do {
            // WAL keeps readers working during an import; NORMAL sync keeps each commit atomic.
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 60000",
                           "PRAGMA foreign_keys = ON"] {
                try await store.database.raw(SQLQueryString(pragma)).run()
            }
            try await store.migrate()
        } catch {
            try? await connection.close()
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
                for statement in step.statements { try await db.raw(SQLQueryString(statement)).run() }
                try await db.raw("""
                    INSERT INTO pbr_migrations (version, name, applied_at)
                    VALUES (\(bind: step.version), \(bind: step.name), \(bind: Self.now()))
                    """).run()
            }
        }
    }

    /// Runs `body` in one write transaction; anything thrown rolls it back.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.raw("BEGIN IMMEDIATE").run()
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
