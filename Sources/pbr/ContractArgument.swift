import Foundation
import PbRCore
import PbRService
import PbRStore

/// `--contract` as `entitlements` and `diagnose` take it: a contract file where there is one (read
/// before the store opens, so that a mistake in it is refused first), else the id of a contract in the
/// store (`pbr contract list`).
struct ContractArgument {
    let reference: String
    let file: ContractSource?

    init(_ reference: String) throws {
        self.reference = reference
        file = FileManager.default.fileExists(atPath: reference) ? try ContractSource.load(reference) : nil
    }

    /// The run's inputs, which no output may overwrite: the store, and the contract file if it is one.
    func inputs(_ store: StoreLocation) -> RunInputs {
        var inputs = RunInputs()
        inputs.store(store)
        if file != nil { inputs.file("the contract", reference) }
        return inputs
    }

    func job(in journal: JournalStore, asOf: Day, knownAt: Moment?) async throws -> EntitlementsJob {
        if let file { return EntitlementsJob(contract: file, asOf: asOf, knownAt: knownAt, progress: TerminalProgress()) }
        return try await EntitlementsJob.stored(reference, in: journal, asOf: asOf, knownAt: knownAt, progress: TerminalProgress())
    }
}
