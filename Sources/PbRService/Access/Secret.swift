import Crypto
import PbRCore

/// The random secrets that stand for a user (a session cookie, an API token, a CSRF token), and the
/// digest the store keeps of each in its place.
public enum Secret {
    /// 32 random bytes as 64 hex digits, with an optional prefix that says what the secret is for.
    public static func make(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// What the store keeps: SHA-256 of the secret, so that a copy of the store signs nobody in.
    public static func digest(_ secret: String) -> String { SHA256.hash(data: Array(secret.utf8)).hex }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func matches(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count, !a.isEmpty else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
