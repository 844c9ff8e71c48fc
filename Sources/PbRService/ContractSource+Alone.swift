import Foundation
import PbRCore
import PbRStore

extension ContractSource {
    /// A contract file where there is one, else the id of a contract in the store (all its versions),
    /// without the peers it is paid once with: a contract proofed or simulated alone, whose peers need not be
    /// in the store.
    public static func alone(_ reference: String, store location: StoreLocation) async throws
        -> (ContractVersions, Provenance.ContractStamp) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isFolder), !isFolder.boolValue {
            let source = try ContractSource.load(reference)
            return (ContractVersions([source.contract]), source.stamp)
        }
        let store: JournalStore
        do { store = try await JournalStore.open(location, .existing) } catch {
            throw Refusal("--contract \(reference): no such contract file, and no store to find a contract of that id in (\(error))")
        }
        do {
            let found = try await alone(reference, in: store)
            try await store.close()
            return found
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// A contract in an open store (all its versions), without its peers.
    /// - Throws: a `Refusal` naming the contracts the store holds when it holds no contract `id`.
    public static func alone(_ id: String, in store: JournalStore) async throws -> (ContractVersions, Provenance.ContractStamp) {
        let registry = ContractRegistry(store: store)
        let stored = try await store.contractVersions(id)
        if stored.isEmpty { _ = try await registry.versions(of: id) }  // refuses, naming the contracts the store holds
        // Read without `withPeers`: the contracts it is paid once with need not be in the store.
        let versions = ContractVersions(try stored.map(registry.parse))
        let latest = stored[stored.count - 1]
        return (versions, .init(id: id, file: "store: version \(latest.version) of \(stored.count), from \(latest.source)",
                                sha256: latest.sha256))
    }
}
