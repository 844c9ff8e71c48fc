import Foundation
import PostgresKit
import SQLKit
import SQLiteKit

/// The driver under a store: SQLite (a file, the embedded default) or PostgreSQL (shared use). Everything
/// but the bulk paths goes through SQLKit's `SQLDatabase`, the same code for both.
enum StoreConnection: Sendable {
    case sqlite(SQLiteConnection)
    case postgres(PostgresConnection)

    /// Connects, refusing a location that is not a store when `mode` is `.existing`, and anything that
    /// holds something other than a store in every mode.
    /// - Returns: the connection, and whether it opens a new, empty store (created here).
    static func open(_ location: StoreLocation, _ mode: JournalStore.OpenMode) async throws -> (StoreConnection, isNew: Bool) {
        switch location {
        case .sqlite(let path): try await openSQLite(path, mode)
        case .postgres(let address): try await openPostgres(address, mode)
        }
    }

    private static func openSQLite(_ path: String, _ mode: JournalStore.OpenMode) async throws -> (StoreConnection, isNew: Bool) {
        try SQLiteFile.check(path, mode)
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            let tables = try await connection.sql().raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            if tables.contains("pbr_migrations") { return (.sqlite(connection), false) }
            guard tables.isEmpty else {
                throw StoreError.cannotOpen("\(path) is a SQLite database of something else (tables \(tables.prefix(5).joined(separator: ", "))), not a PbR store")
            }
            guard mode == .createIfMissing else { throw SQLiteFile.noStore(path) }
            return (.sqlite(connection), true)
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func openPostgres(_ address: PostgresAddress, _ mode: JournalStore.OpenMode) async throws -> (StoreConnection, isNew: Bool) {
        var configuration = try SQLPostgresConfiguration(url: address.driverURL)
        if let schema = address.schema { configuration.searchPath = [schema] }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "pbr.store"))
        } catch {
            throw StoreError.cannotOpen(PostgresFailure.describe(error, address: address))
        }
        do {
            let database = connection.sql()
            if let schema = address.schema {
                let exists = try await database.raw("SELECT 1 AS one FROM pg_namespace WHERE nspname = \(bind: schema)").first() != nil
                if !exists {
                    guard mode == .createIfMissing else {
                        throw StoreError.notFound("no PbR store at \(address): the database has no schema '\(schema)'; `pbr import` creates one")
                    }
                    // A plain name (letters, digits, _), checked when the address was parsed.
                    try await database.raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: schema)").run()
                }
                try await database.raw("SET search_path TO \(unsafeRaw: schema)").run()
            }
            let found = try await database.raw("SELECT to_regclass('pbr_migrations') IS NOT NULL AS found").first()?
                .decode(column: "found", as: Bool.self) ?? false
            guard found || mode == .createIfMissing else {
                throw StoreError.notFound("no PbR store at \(address); `pbr import` creates one")
            }
            return (.postgres(connection), !found)
        } catch {
            try? await connection.close()
            throw error
        }
    }

    var database: any SQLDatabase {
        switch self {
        case .sqlite(let connection): connection.sql()
        case .postgres(let connection): connection.sql()
        }
    }

    var isSQLite: Bool { if case .sqlite = self { true } else { false } }

    /// The SQLite connection, on SQLite.
    var sqlite: SQLiteConnection? { if case .sqlite(let connection) = self { connection } else { nil } }

    func close() async throws {
        switch self {
        case .sqlite(let connection): try await connection.close()
        case .postgres(let connection): try await connection.close()
        }
    }
}
