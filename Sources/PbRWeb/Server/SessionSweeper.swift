import Foundation
import Logging
import PbRService
import PbRStore
import ServiceLifecycle

/// Forgets expired sessions every `intervalSeconds` until the service group shuts down.
struct SessionSweeper: Service {
    let pool: StorePool
    let clock: WallClock
    let logger: Logger
    var intervalSeconds = 3600

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let now = Int64(clock.now().timeIntervalSince1970)
                let removed = try await pool.withStore { try await $0.removeExpiredSessions(nowEpoch: now) }
                if removed > 0 { logger.info("forgot \(removed) expired sessions") }
            } catch {
                logger.error("sweeping expired sessions failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            // The wait ends at once on graceful shutdown, not after the rest of the interval.
            let seconds = intervalSeconds
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(seconds)) }
        }
    }
}
