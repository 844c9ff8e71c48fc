import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// Says why a connection to PostgreSQL failed, in words, without the password: PostgresNIO's own
/// description hides every detail ("Generic description to prevent accidental leakage").
enum PostgresFailure {
    static func describe(_ error: any Error, address: PostgresAddress) -> String {
        let at = "PostgreSQL at \(address.host):\(address.port)"
        guard let failure = error as? PSQLError else { return "cannot connect to \(at): \(plain(error, address))" }
        switch failure.code {
        case .server:
            let state = failure.serverInfo?[.sqlState] ?? ""
            let message = failure.serverInfo?[.message] ?? "no reason given"
            switch state {
            case "3D000": return "\(at) has no database '\(address.database)'"
            case "28P01": return "\(at) refused the password for user '\(address.user)'"
            case "28000": return "\(at) does not let user '\(address.user)' in: \(message)"
            default: return "\(at) refused the connection: \(message) (SQLSTATE \(state))"
            }
        case .connectionError:
            return "cannot connect to \(at): " + (failure.underlying.map { plain($0, address) } ?? "the connection failed")
        case .sslUnsupported: return "\(at) does not offer TLS, which the address asks for (sslmode=require)"
        case .authMechanismRequiresPassword: return "\(at) asks user '\(address.user)' for a password, and the address gives none"
        case .unsupportedAuthMechanism: return "\(at) asks for a way of signing in that PbR does not support"
        case .serverClosedConnection, .uncleanShutdown: return "\(at) closed the connection"
        default: return "cannot connect to \(at) (\(failure.code))"
        }
    }

    /// Connection errors from the network layer, in words.
    private static func plain(_ error: any Error, _ address: PostgresAddress) -> String {
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil, connection.connectionErrors.isEmpty {
                return "the host '\(address.host)' is not known"
            }
            if let first = connection.connectionErrors.first { return plain(first.error, address) }
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused: is a PostgreSQL server running there?"
            case ETIMEDOUT: return "the connection timed out"
            case EHOSTUNREACH, ENETUNREACH: return "the host cannot be reached"
            default: return "\(io)"
            }
        }
        if error is ChannelError { return "\(error)" }
        return String(describing: error)
    }
}
