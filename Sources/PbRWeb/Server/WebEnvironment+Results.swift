import PbRCore
import PbRService
import PbRStore

/// The use cases of the stored results (diagnostics, proofing, simulation), each on a session of the store.
extension WebEnvironment {
    func diagnostics<T: Sendable>(_ viewer: Viewer, _ body: @Sendable (DiagnosticsRuns) async throws -> T) async throws -> T {
        let clock = clock
        return try await pool.withStore { try await body(DiagnosticsRuns(store: $0, viewer: viewer, clock: clock)) }
    }

    func proofing<T: Sendable>(_ viewer: Viewer, _ body: @Sendable (ContractProofing) async throws -> T) async throws -> T {
        try await pool.withStore { try await body(ContractProofing(store: $0, viewer: viewer)) }
    }

    func simulations<T: Sendable>(_ viewer: Viewer, _ body: @Sendable (SimulationRuns) async throws -> T) async throws -> T {
        let clock = clock
        return try await pool.withStore { try await body(SimulationRuns(store: $0, viewer: viewer, clock: clock)) }
    }

    var scenarios: ScenarioShelf { ScenarioShelf(folder: configuration.scenariosFolder) }
}
