import Foundation
import PbRCore
import PbRImport
import PbRStore

/// The contracts in a store (`pbr contract add|list|show`): each registered file is kept as written; a
/// later file with the same id is an amendment that decides from the day it names.
public struct ContractRegistry: Sendable {
    public let store: JournalStore

    public init(store: JournalStore) { self.store = store }

    public struct Added: Sendable {
        public var version: StoredContractVersion
        /// True when the store held this exact text already: nothing was added.
        public var alreadyRegistered: Bool
    }

    /// Registers a contract file: its first version, or an amendment of one already there.
    /// - Throws: a `Refusal` for a file with a mistake (its key and line), a first version that names
    ///   `effective_from`, or an amendment whose day is not after the version before it.
    public func add(_ path: String, by addedBy: String) async throws -> Added {
        let source = try ContractSource.load(path)
        let contract = source.contract
        let versions = try await store.contractVersions(contract.id)
        if let same = versions.first(where: { $0.sha256 == source.sha256 }) { return Added(version: same, alreadyRegistered: true) }
        let effectiveFrom: Day
        if let latest = versions.last {
            guard let from = contract.effectiveFrom else {
                throw Refusal("\(path): \(contract.id) is in the store already (version \(latest.version)); an amendment names "
                    + "the day it takes effect from, e.g. effective_from: \(latest.effectiveFrom.adding(months: 1))")
            }
            guard from > latest.effectiveFrom else {
                throw Refusal("\(path): effective_from \(from) is not after version \(latest.version)'s \(latest.effectiveFrom); "
                    + "an amendment cannot change what an earlier version decided")
            }
            let first = try parse(versions[0])
            guard contract.start == first.start else {
                throw Refusal("\(path): an amendment keeps the contract's start (\(first.start)), not \(contract.start)")
            }
            effectiveFrom = from
        } else {
            guard contract.effectiveFrom == nil else {
                throw Refusal("\(path): \(contract.id) is not in the store yet; its first version names no effective_from")
            }
            effectiveFrom = contract.start
        }
        let version = StoredContractVersion(contractID: contract.id, version: (versions.last?.version ?? 0) + 1,
                                            effectiveFrom: effectiveFrom, sha256: source.sha256, body: source.text,
                                            source: path, addedBy: addedBy)
        try await store.add(version)
        return Added(version: version, alreadyRegistered: false)
    }

    /// The id a `--contract` value names: a contract in the store, or a contract file, registered here if
    /// the store does not hold its text yet (and said so in `registered`).
    public func resolve(_ reference: String, by: String) async throws -> (id: String, registered: Added?) {
        if try await !store.contractVersions(reference).isEmpty { return (reference, nil) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: reference, isDirectory: &isFolder), !isFolder.boolValue else {
            _ = try await versions(of: reference)  // refuses, naming the contracts the store holds
            return (reference, nil)
        }
        let added = try await add(reference, by: by)
        return (added.version.contractID, added.alreadyRegistered ? nil : added)
    }

    /// Every version of the contract, ready to run.
    /// - Throws: a `Refusal` naming the contracts the store holds when it holds no `id`.
    public func versions(of id: String) async throws -> (versions: ContractVersions, stored: [StoredContractVersion]) {
        let stored = try await store.contractVersions(id)
        guard !stored.isEmpty else {
            let known = Set(try await store.contractVersions().map(\.contractID)).sorted()
            throw Refusal("no contract '\(id)' in \(store.location): "
                + (known.isEmpty ? "the store holds none yet" : "it holds \(known.joined(separator: ", "))")
                + "; `pbr contract add FILE` registers one")
        }
        return (try await withPeers(ContractVersions(try stored.map(parse))), stored)
    }

    /// The versions with the contracts each names in `paid_once_with` filled in from the store.
    /// - Throws: a `Refusal` when one is not in the store, or does not name this contract back (a result
    ///   it reached first would then be paid by both).
    public func withPeers(_ versions: ContractVersions) async throws -> ContractVersions {
        var contracts = versions.versions
        for index in contracts.indices where contracts[index].peers.count != contracts[index].paidOnceWith.count {
            let contract = contracts[index]
            var peers: [PeerContract] = []
            for id in contract.paidOnceWith {
                let stored = try await store.contractVersions(id)
                guard !stored.isEmpty else {
                    throw Refusal("\(contract.id) is paid once with \(id) (paid_once_with), which is not in \(store.location): "
                        + "`pbr contract add` its file first")
                }
                let other = ContractVersions(try stored.map(parse))
                guard other.versions.last!.paidOnceWith.contains(contract.id) else {
                    throw Refusal("\(contract.id) is paid once with \(id), but \(id)'s paid_once_with does not name \(contract.id): "
                        + "a result \(id) reached first would be paid by both; name each contract in the other's file")
                }
                peers.append(PeerContract(id: id, versions: other))
            }
            contracts[index].peers = peers
        }
        return ContractVersions(contracts)
    }

    /// Every contract in the store, each with its versions.
    public func all() async throws -> [(id: String, versions: [StoredContractVersion])] {
        let stored = try await store.contractVersions()
        return Dictionary(grouping: stored, by: \.contractID).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func parse(_ version: StoredContractVersion) throws -> Contract {
        do { return try ContractLoader.parse(version.body) } catch {
            throw StoreError.corrupt("\(version.contractID) version \(version.version) no longer reads as a contract: \(error)")
        }
    }
}
