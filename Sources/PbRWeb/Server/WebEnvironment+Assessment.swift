import PbRCore
import PbRService
import PbRStore

extension WebEnvironment {
    /// Runs `body` with independent assessment as `viewer` may use it.
    func assessments<T: Sendable>(_ viewer: Viewer, _ body: @Sendable (AssessmentDesk) async throws -> T) async throws -> T {
        let clock = clock
        return try await pool.withStore { try await body(AssessmentDesk(store: $0, viewer: viewer, clock: clock)) }
    }

    /// Runs `body` with the service user's voice as `viewer` may use it.
    func voice<T: Sendable>(_ viewer: Viewer, _ body: @Sendable (ServiceUserVoice) async throws -> T) async throws -> T {
        let clock = clock
        return try await pool.withStore { try await body(ServiceUserVoice(store: $0, viewer: viewer, clock: clock)) }
    }
}
