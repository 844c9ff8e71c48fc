/// The provider ids known to the store and this import. Ids compare byte by byte, so `p03` beside `P03`
/// would be a second provider, paid apart: an id that differs from a known one only in case is refused.
struct ProviderNames {
    private var exact: Set<String> = []
    /// Each known id by its case-folded form (the first one, when a store from before this check holds two).
    private var folded: [String: String] = [:]

    init(_ ids: [String]) { for id in ids { insert(id) } }

    /// The known id that `id` differs from only in case, if any.
    func clash(_ id: String) -> String? {
        guard !exact.contains(id), let known = folded[id.lowercased()] else { return nil }
        return known
    }

    /// Adds an id; true when it was not known.
    @discardableResult
    mutating func insert(_ id: String) -> Bool {
        guard exact.insert(id).inserted else { return false }
        if folded[id.lowercased()] == nil { folded[id.lowercased()] = id }
        return true
    }
}
