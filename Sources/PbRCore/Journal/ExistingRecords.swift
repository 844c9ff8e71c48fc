/// What the store already holds, asked only for the keys an extract refers to but does not carry.
public protocol ExistingRecords: Sendable {
    /// The client ids among `ids` that have any version in the store.
    func existingClients(among ids: Set<String>) async throws -> Set<String>
    /// For each episode record_id among `ids` in the store, the client of its latest version.
    func episodeClients(among ids: Set<String>) async throws -> [String: String]
    /// The keys among `keys` that have any version of `kind` in the store.
    func existingKeys(_ kind: RecordKind, among keys: Set<String>) async throws -> Set<String>
}

/// An empty store: the first import, or a check of an extract on its own.
public struct NoExistingRecords: ExistingRecords {
    public init() {}
    public func existingClients(among ids: Set<String>) async throws -> Set<String> { [] }
    public func episodeClients(among ids: Set<String>) async throws -> [String: String] { [:] }
    public func existingKeys(_ kind: RecordKind, among keys: Set<String>) async throws -> Set<String> { [] }
}
