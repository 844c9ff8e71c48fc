public enum StoreError: Error, CustomStringConvertible, Sendable {
    case corrupt(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .corrupt(let what): "the store is damaged: \(what)"
        case .unsupported(let what): what
        }
    }
}
