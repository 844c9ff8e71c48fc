import Foundation
import PbRCore
import PbRService
import PbRStore

/// What the routes work with: the store's sessions, the accounts, the sign-in rate limit, the pages'
/// templates and the clock. Built once in `WebApplication.build`.
public struct WebEnvironment: Sendable {
    public let pool: StorePool
    public let configuration: WebConfiguration
    public let clock: WallClock
    let throttle: Throttle
    let pages: PageRenderer
    /// The payments to date's sums, kept between requests while the ledger stands still.
    let sums = LedgerSums()

    public init(pool: StorePool, configuration: WebConfiguration, clock: WallClock = .system) throws {
        self.pool = pool; self.configuration = configuration; self.clock = clock
        throttle = Throttle(LoginThrottle(maxFailures: configuration.maxSignInFailures, windowSeconds: configuration.throttleWindowSeconds))
        pages = try PageRenderer()
    }

    /// Runs `body` with the accounts on a session of the store.
    func accounts<T: Sendable>(_ body: @Sendable (Accounts) async throws -> T) async throws -> T {
        let configuration = configuration.accounts, clock = clock
        return try await pool.withStore { try await body(Accounts(store: $0, configuration: configuration, clock: clock)) }
    }

    /// Runs `body` with the ledger as `viewer` may read it.
    func ledger<T: Sendable>(_ viewer: Viewer, _ body: @Sendable (LedgerReader) async throws -> T) async throws -> T {
        let sums = sums
        return try await pool.withStore { try await body(LedgerReader(store: $0, viewer: viewer, sums: sums)) }
    }

    var now: Double { clock.now().timeIntervalSince1970 }
}

/// The sign-in rate limit shared by every request.
actor Throttle {
    private var state: LoginThrottle
    init(_ throttle: LoginThrottle) { state = throttle }

    func wait(_ keys: [String], now: Double) -> Double { state.wait(keys, now: now) }
    func failed(_ keys: [String], now: Double) { state.failed(keys, now: now) }
    func succeeded(_ keys: [String]) { state.succeeded(keys) }
}
