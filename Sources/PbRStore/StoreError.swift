public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    case corrupt(String)
    case unsupported(String)
    /// There is no store where one was expected: a command that reads a store never creates one.
    case notFound(String)
    /// The location exists but cannot be a store, or the database refused the connection.
    case cannotOpen(String)
    /// Another writer changed what this write was computed from, or the database refused it as at odds
    /// with what it holds (a key it has already); nothing was written.
    case conflict(String)
    /// The database could not carry out a write for a reason of its own (a full disk, an I/O error, a
    /// file it may not write), in its own words; nothing was written.
    case failed(String)

    public var description: String {
        switch self {
        case .corrupt(let what): "the store is damaged: \(what)"
        case .unsupported(let what), .notFound(let what), .cannotOpen(let what), .conflict(let what), .failed(let what): what
        }
    }
}
