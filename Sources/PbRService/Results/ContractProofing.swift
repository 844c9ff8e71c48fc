import PbRCore
import PbRStore

/// Framework proofing in the web application (`pbr proof` on a contract in the store, the shipped rates).
/// Computed on each request and not kept: it reads the contract's terms and runs synthetic clients, nothing
/// of the journal, so it cannot go stale with an import and shows no one's data; it takes about as long
/// as a page of the ledger.
public struct ContractProofing: Sendable {
    public let store: JournalStore
    public let viewer: Viewer

    public init(store: JournalStore, viewer: Viewer) { self.store = store; self.viewer = viewer }

    /// Proofs a contract's every profile, the least paid first.
    /// - Throws: `AccessRefusal.forbidden` for an assessor, `.notFound` for a contract the viewer may not
    ///   read or that is not in the store.
    public func proof(_ contractID: String, order: ProofRun.RankOrder = .most) async throws -> FrameworkProof.Result {
        guard viewer.readsLedger else { throw AccessRefusal.forbidden("an \(viewer.role.rawValue) does not proof contracts") }
        guard viewer.mayProof(contract: contractID), !(try await store.contractVersions(contractID)).isEmpty else {
            throw AccessRefusal.notFound("no contract '\(contractID)'")
        }
        let (versions, stamp) = try await ContractSource.alone(contractID, in: store)
        do {
            return try FrameworkProof.prepare(versions: versions, stamp: stamp, rates: nil, start: nil).run(order: order)
        } catch let refusal as Refusal {
            throw AccessRefusal.badRequest(refusal.description)
        }
    }
}
