import Foundation
import HummingbirdBcrypt
import PbRCore
import PbRStore

/// The users of the web application (`pbr users add|list|disable|token`, sign-in, sign-out): passwords
/// kept as bcrypt hashes, sessions and API tokens as digests of their secrets, every change in the audit log.
public struct Accounts: Sendable {
    public struct Configuration: Sendable {
        /// bcrypt's cost (2^cost rounds): 12 in use; tests pass 4 so that hashing takes milliseconds.
        public var bcryptCost: UInt8 = 12
        /// How long a browser session lasts after sign-in.
        public var sessionSeconds: Int64 = 8 * 60 * 60
        public var minimumPasswordLength = 12
        /// A session in use is renewed to `sessionSeconds` from now once this much of it has passed since
        /// it was last set, so that a session used all day stays signed in and one left alone expires,
        /// without a write to the store on every request.
        public var renewAfterSeconds: Int64 = 5 * 60

        public init(bcryptCost: UInt8 = 12) { self.bcryptCost = bcryptCost }
    }

    public let store: JournalStore
    public let configuration: Configuration
    public let clock: WallClock

    public init(store: JournalStore, configuration: Configuration = .init(), clock: WallClock = .system) {
        self.store = store; self.configuration = configuration; self.clock = clock
    }

    /// A signed-in browser session: the cookie's secret and the token its forms carry.
    public struct Session: Sendable, Equatable {
        public var secret: String
        public var csrf: String
        public var viewer: Viewer
    }

    /// Adds a user.
    /// - Throws: `AccessRefusal.badRequest` for a bad name, password or scope; `.conflict` for a name taken.
    public func add(name: String, role: Role, providerID: ProviderID? = nil, contractIDs: [String] = [], password: String,
                    as viewer: Viewer) async throws -> StoredUser {
        try requireAdmin(viewer)
        let actor = viewer.name
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
            throw AccessRefusal.badRequest("a user name is 1 to 64 letters, digits and . _ - @")
        }
        guard password.count >= configuration.minimumPasswordLength else {
            throw AccessRefusal.badRequest("a password has at least \(configuration.minimumPasswordLength) characters")
        }
        switch role {
        case .provider:
            guard let providerID else { throw AccessRefusal.badRequest("a provider user names its provider (--provider)") }
            guard try await store.providerIDs().contains(providerID) else {
                throw AccessRefusal.badRequest("no provider '\(providerID)' in the journal")
            }
        case .commissioner:
            guard !contractIDs.isEmpty else { throw AccessRefusal.badRequest("a commissioner names its contracts (--contract)") }
        default:
            guard providerID == nil, contractIDs.isEmpty else {
                throw AccessRefusal.badRequest("only a provider names a provider, only a commissioner contracts")
            }
        }
        let user = StoredUser(name: name, role: role, providerID: providerID, contractIDs: contractIDs,
                              passwordHash: Bcrypt.hash(password, cost: configuration.bcryptCost), createdBy: actor)
        do {
            try await store.add(user, audit: AuditRecord(actor: actor, action: "user.add", subject: name, detail: "role \(role.rawValue)"
                + (providerID.map { ", provider \($0)" } ?? "") + (contractIDs.isEmpty ? "" : ", contracts \(contractIDs.joined(separator: ","))")))
        } catch StoreError.conflict(let why) {
            throw AccessRefusal.conflict(why)
        }
        return user
    }

    /// The demo's first user: when the store has no user yet, an admin named `name` with a new random
    /// password, returned so that it can be printed once; nil when there are users already.
    public func firstAdmin(named name: String = "admin", as viewer: Viewer) async throws -> String? {
        guard try await store.users().isEmpty else { return nil }
        let password = String(Secret.make().prefix(20))
        _ = try await add(name: name, role: .admin, password: password, as: viewer)
        return password
    }

    public func list(as viewer: Viewer) async throws -> [StoredUser] {
        try requireAdmin(viewer)
        return try await store.users()
    }

    /// Disables a user: its sessions and tokens end at once.
    public func disable(name: String, as viewer: Viewer) async throws {
        try requireAdmin(viewer)
        do {
            try await store.disable(user: name, audit: AuditRecord(actor: viewer.name, action: "user.disable", subject: name))
        } catch StoreError.notFound(let why) {
            throw AccessRefusal.notFound(why)
        }
    }

    /// A new API token for a user, to send as `Authorization: Bearer TOKEN`. Only its digest is kept.
    public func issueToken(name: String, as viewer: Viewer) async throws -> String {
        try requireAdmin(viewer)
        let actor = viewer.name
        guard let user = try await store.user(named: name), !user.disabled else {
            throw AccessRefusal.notFound("no user '\(name)' that may sign in")
        }
        let token = Secret.make(prefix: "pbr_")
        try await store.add(StoredCredential(secretSHA256: Secret.digest(token), kind: .token, userName: user.name, csrf: "", expiresEpoch: 0),
                            audit: AuditRecord(actor: actor, action: "token.issue", subject: user.name))
        return token
    }

    /// Checks a name and password and opens a session; nil when they do not match an enabled user.
    /// The time taken does not say whether the name exists: an unknown name is checked against a hash too.
    public func signIn(name: String, password: String) async throws -> Session? {
        guard let user = try await store.user(named: name) else {
            _ = Bcrypt.hash(password, cost: configuration.bcryptCost)  // the work a known name's check costs
            return nil
        }
        guard Bcrypt.verify(password, hash: user.passwordHash), !user.disabled else { return nil }
        let session = Session(secret: Secret.make(), csrf: Secret.make(), viewer: user.viewer)
        let expires = Int64(clock.now().timeIntervalSince1970) + configuration.sessionSeconds
        try await store.add(StoredCredential(secretSHA256: Secret.digest(session.secret), kind: .session, userName: user.name,
                                             csrf: session.csrf, expiresEpoch: expires),
                            audit: AuditRecord(actor: user.name, action: "session.start", subject: user.name))
        return session
    }

    /// Who a session cookie or API token stands for, now; nil when it stands for nobody.
    public func authenticate(secret: String, kind: StoredCredential.Kind) async throws -> (viewer: Viewer, csrf: String)? {
        guard !secret.isEmpty, secret.count <= 128,
              let (credential, user) = try await store.credential(secretSHA256: Secret.digest(secret), nowEpoch: Int64(clock.now().timeIntervalSince1970)),
              credential.kind == kind else { return nil }
        return (user.viewer, credential.csrf)
    }

    /// A browser session resumed: who it stands for, its forms' token, and the seconds it now lasts
    /// when it was renewed (nil when it was not: the cookie need not be sent again).
    public struct Resumed: Sendable, Equatable {
        public var viewer: Viewer
        public var csrf: String
        public var renewedSeconds: Int64?
    }

    /// Who a session cookie stands for, now, renewing the session (sliding expiry) when at least
    /// `renewAfterSeconds` have passed since it was last set; nil when it stands for nobody.
    public func resume(session secret: String) async throws -> Resumed? {
        let now = Int64(clock.now().timeIntervalSince1970)
        guard !secret.isEmpty, secret.count <= 128,
              let (credential, user) = try await store.credential(secretSHA256: Secret.digest(secret), nowEpoch: now),
              credential.kind == .session else { return nil }
        var resumed = Resumed(viewer: user.viewer, csrf: credential.csrf, renewedSeconds: nil)
        let lastSet = credential.expiresEpoch - configuration.sessionSeconds
        if now - lastSet >= configuration.renewAfterSeconds {
            try await store.renewSession(secretSHA256: credential.secretSHA256, expiresEpoch: now + configuration.sessionSeconds)
            resumed.renewedSeconds = configuration.sessionSeconds
        }
        return resumed
    }

    /// Who runs `pbr users` on the server's machine: an admin by holding the store itself.
    public static func commandLine(_ user: String) -> Viewer { Viewer(name: "cli:" + user, role: .admin) }

    private func requireAdmin(_ viewer: Viewer) throws {
        guard viewer.administers else { throw AccessRefusal.forbidden("users are for admins") }
    }

    public func signOut(secret: String, viewer: Viewer) async throws {
        try await store.removeCredential(secretSHA256: Secret.digest(secret),
                                         audit: AuditRecord(actor: viewer.name, action: "session.end", subject: viewer.name))
    }
}
