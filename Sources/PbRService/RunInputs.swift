import PbRStore

/// What a command reads: the store, the contract, an extract. No output may be written over any of them.
public struct RunInputs: Sendable {
    struct Input: Sendable {
        let what: String
        let path: String
        let isFolder: Bool
    }

    private(set) var inputs: [Input] = []

    public init() {}

    /// The store, with SQLite's companion files (its write-ahead log and shared memory) for a file store.
    public mutating func store(_ location: StoreLocation) {
        guard case .sqlite(let path) = location else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] { inputs.append(Input(what: "the store", path: path + suffix, isFolder: false)) }
    }

    public mutating func file(_ what: String, _ path: String) { inputs.append(Input(what: what, path: path, isFolder: false)) }

    /// A folder read as a whole (an extract): nothing may be written into it.
    public mutating func folder(_ what: String, _ path: String) { inputs.append(Input(what: what, path: path, isFolder: true)) }
}
