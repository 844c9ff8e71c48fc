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
    /// Where the store is, without its password.
    public let location: StoreLocation
    /// True when this open created the store (a new file, or the tables in an empty database).
    public let isNew: Bool

    /// Whether opening may create a store. Only the commands that write a journal (`import`, `demo`,
    /// `bench`) create one: a command that reads one refuses a location with no store, so that a typo
    /// in `--db` is an error, not an empty store that reports nothing owed.
    public enum OpenMode: Sendable { case existing, createIfMissing }

    private init(connection: StoreConnection, location: StoreLocation, isNew: Bool) {
        self.connection = connection
        self.location = location
        self.isNew = isNew
        database = connection.database
    }

    /// Opens the store and brings its schema up to date.
    /// - Parameters:
    ///   - location: a SQLite file path, or `postgres://user:password@host:port/database`, optionally
    ///     with `?schema=NAME`.
    ///   - mode: `.existing` (the default) refuses a location with no store; `.createIfMissing` creates one.
    /// - Throws: `StoreError` saying what is wrong with the location, or why the database refused.
    public static func open(_ location: String, _ mode: OpenMode = .existing) async throws -> JournalStore {
        try await open(StoreLocation.parse(location), mode)
    }

    public static func open(_ location: StoreLocation, _ mode: OpenMode = .existing) async throws -> JournalStore {
        let (connection, isNew) = try await StoreConnection.open(location, mode)
        let store = JournalStore(connection: connection, location: location, isNew: isNew)
        do {
            if store.connection.isSQLite {
                // The busy timeout first: another session's write (a pool's, another process's) must make
                // this one wait, not fail, even while it sets the journal mode. WAL keeps readers working
                // during an import; NORMAL sync keeps each commit atomic.
                // A new file's pages are 16 KiB, not SQLite's 4: a national import then spends about a tenth
                // less (fewer pages to split and to write twice, to the WAL and back), and reads take the
                // same time (BENCHMARKS.md, issue 12). Set before anything is written; a store made before
                // keeps its pages.
                if isNew { try await store.database.raw("PRAGMA page_size = 16384").run() }
                for pragma in ["PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
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

    /// How long a SQLite session waits for another's write before it gives up: a minute, longer than a
    /// national import takes.
    static let busyTimeoutMilliseconds = 60_000

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
        guard case .sqlite(let path) = location else { return try await postgresTransaction(body) }
        // The same file however it was named, so that every session of it meets at one gate.
        let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        await WriterGate.shared.acquire(file)
        do {
            let result = try await inTransaction("BEGIN IMMEDIATE", body)
            await WriterGate.shared.release(file)
            return result
        } catch {
            await WriterGate.shared.release(file)
            throw error
        }
    }

    private func postgresTransaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await inTransaction("BEGIN") { db in
            // One writer at a time across every connection to this store (its schema), until this
            // transaction ends; stores in other schemas of the same database do not wait for it.
            try await db.raw("SELECT pg_advisory_xact_lock(70411, hashtext(current_schema()))").run()
            return try await body(db)
        }
    }

    /// `begin`, `body`, then COMMIT; anything thrown on the way rolls it back.
    private func inTransaction<T: Sendable>(_ begin: String, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.raw(SQLQueryString(begin)).run()
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
