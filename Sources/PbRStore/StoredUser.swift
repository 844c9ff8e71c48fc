import PbRCore

/// A user of the web application as the store keeps it. The password is kept only as its bcrypt hash.
public struct StoredUser: Sendable, Equatable {
    public var name: String
    public var role: Role
    public var providerID: ProviderID?
    public var contractIDs: [String]
    public var passwordHash: String
    public var disabled: Bool
    public var createdAt: String
    public var createdBy: String

    public init(name: String, role: Role, providerID: ProviderID? = nil, contractIDs: [String] = [], passwordHash: String,
                disabled: Bool = false, createdAt: String = "", createdBy: String) {
        self.name = name; self.role = role; self.providerID = providerID; self.contractIDs = contractIDs
        self.passwordHash = passwordHash; self.disabled = disabled; self.createdAt = createdAt; self.createdBy = createdBy
    }

    /// Who this user is when they ask for something.
    public var viewer: Viewer { Viewer(name: name, role: role, providerID: providerID, contractIDs: contractIDs) }
}

/// A secret that stands for a user: a browser session (with its CSRF token) or an API token.
public struct StoredCredential: Sendable, Equatable {
    public enum Kind: String, Sendable { case session, token }

    /// SHA-256 of the secret, as hex: the secret itself is never stored.
    public var secretSHA256: String
    public var kind: Kind
    public var userName: String
    /// The token a session's forms must carry; empty for an API token.
    public var csrf: String
    /// Seconds since 1970 after which it no longer signs in; 0: never (an API token until its user is disabled).
    public var expiresEpoch: Int64

    public init(secretSHA256: String, kind: Kind, userName: String, csrf: String, expiresEpoch: Int64) {
        self.secretSHA256 = secretSHA256; self.kind = kind; self.userName = userName; self.csrf = csrf; self.expiresEpoch = expiresEpoch
    }
}
