import Foundation

/// Where a store is, as a user gives it (`--db` or `PBR_DATABASE_URL`): a SQLite file, or a PostgreSQL
/// database. Parsing it says plainly what is wrong with an address before anything is opened or created.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// - Throws: `StoreError.unsupported` for an empty location, an address of another database
    ///   (`mysql://...`) or a PostgreSQL address PbR cannot use (no user, an unknown option).
    public static func parse(_ text: String) throws(StoreError) -> StoreLocation {
        guard !text.isEmpty else { throw .unsupported("no store given: name a SQLite file (pbr.sqlite) or a PostgreSQL address") }
        guard let schemeEnd = text.range(of: "://") else { return .sqlite(path: text) }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return .sqlite(path: text) }
        guard PostgresAddress.schemes.contains(scheme) else {
            throw .unsupported("'\(scheme)://' is not a store PbR can use: give a SQLite file (pbr.sqlite) "
                               + "or a PostgreSQL address (postgres://user@host:5432/database)")
        }
        return .postgres(try PostgresAddress.parse(text))
    }

    /// The location without its password, for messages and the files PbR writes.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }
}

/// A PostgreSQL address: `postgres://user[:password]@host[:port]/database[?schema=NAME&sslmode=MODE]`.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    static let schemes: Set<String> = ["postgres", "postgresql"]
    /// The options PbR reads; the TLS ones are those of PostgresKit (and libpq's `sslmode`).
    static let tlsOptions: Set<String> = ["sslmode", "tlsmode", "ssl", "tls"]
    static let tlsModes: Set<String> = ["disable", "false", "prefer", "allow", "true", "require", "verify-ca", "verify-full"]

    public var user: String
    var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// The schema the store lives in; nil for the user's default search path.
    public var schema: String?
    /// The TLS option as given (name and value), passed on to the driver.
    var tls: URLQueryItem?

    static func parse(_ text: String) throws(StoreError) -> PostgresAddress {
        func refuse(_ why: String) -> StoreError { .unsupported("the PostgreSQL address \(redacted(text)) \(why)") }
        guard let components = URLComponents(string: text) else { throw refuse("is not a valid URL") }
        guard let user = components.user, !user.isEmpty else { throw refuse("names no user: postgres://USER@host:5432/database") }
        guard let host = components.host, !host.isEmpty else { throw refuse("names no host: postgres://user@HOST:5432/database") }
        var database = String(components.path.drop { $0 == "/" })
        if database.isEmpty { database = user }  // PostgreSQL's own default
        guard !database.contains("/") else { throw refuse("has a path after the database name '\(database)'") }
        var address = PostgresAddress(user: user, password: components.password, host: host, port: components.port ?? 5432,
                                      database: database)
        for item in components.queryItems ?? [] {
            let name = item.name.lowercased()
            if name == "schema" {
                guard let schema = item.value, Self.isPlainName(schema) else {
                    throw refuse("has schema '\(item.value ?? "")': a schema name is letters, digits and _, not starting with a digit")
                }
                address.schema = schema
            } else if Self.tlsOptions.contains(name) {
                guard let mode = item.value, Self.tlsModes.contains(mode) else {
                    throw refuse("has \(item.name)='\(item.value ?? "")': use disable, prefer or require")
                }
                address.tls = item
            } else {
                throw refuse("has an unknown option '\(item.name)': PbR reads schema and sslmode")
            }
        }
        return address
    }

    /// The address for the driver: everything but the schema, which PbR sets itself.
    var driverURL: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.password = password
        components.host = host
        components.port = port
        components.path = "/" + database
        if let tls { components.queryItems = [tls] }
        return components.string ?? ""
    }

    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }

    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// An address as typed, with any password replaced, for a message about an address that did not parse.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let schemeEnd = text.range(of: "://"),
              let colon = text[schemeEnd.upperBound..<at].firstIndex(of: ":") else { return "'\(text)'" }
        return "'" + text[..<text.index(after: colon)] + "***" + text[at...] + "'"
    }
}
