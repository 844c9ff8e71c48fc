import Foundation
import PostgresKit
import SQLKit
import SQLiteKit

/// The driver under a store: SQLite (a file, the embedded default) or PostgreSQL (shared use). Everything
/// but the bulk paths goes through SQLKit's `SQLDatabase`, the same code for both.
enum StoreConnection: Sendable {
    case sqlite(SQLiteConnection)
    case postgres(PostgresConnection)

    /// `postgres://user:password@host:port/database` (optionally `?schema=NAME` to work in one schema),
    /// or a SQLite file path.
    static func open(_ location: String) async throws -> StoreConnection {
        guard location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") else {
            return .sqlite(try await SQLiteConnection.open(storage: .file(path: location)))
        }
        guard var components = URLComponents(string: location) else {
            throw StoreError.unsupported("not a PostgreSQL address: \(location)")
        }
        let items = components.queryItems ?? []
        let schema = items.first { $0.name == "schema" }?.value
        let others = items.filter { $0.name != "schema" }
        components.queryItems = others.isEmpty ? nil : others
        guard let url = components.url else { throw StoreError.unsupported("not a PostgreSQL address: \(location)") }
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema { configuration.searchPath = [schema] }
        let connection = try await PostgresConnection.connect(
            configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "pbr.store"))
        if let schema {
            guard schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw StoreError.unsupported("a schema name is letters, digits and _: \(schema)")
            }
            let database = connection.sql()
            try await database.raw(SQLQueryString("CREATE SCHEMA IF NOT EXISTS \(schema)")).run()
            try await database.raw(SQLQueryString("SET search_path TO \(schema)")).run()
        }
        return .postgres(connection)
    }

    var database: any SQLDatabase {
        switch self {
        case .sqlite(let connection): connection.sql()
        case .postgres(let connection): connection.sql()
        }
    }

    var isSQLite: Bool { if case .sqlite = self { true } else { false } }

    func close() async throws {
        switch self {
        case .sqlite(let connection): try await connection.close()
        case .postgres(let connection): try await connection.close()
        }
    }
}
