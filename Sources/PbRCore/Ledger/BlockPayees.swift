/// Who is paid a month's block (DOMAIN.md, "Block and attachment"): the prime where there is one; else
/// each provider its named share; else the contract's one provider. A contract with several providers,
/// no prime and no shares cannot be paid its block, and is refused rather than guessed at.
public enum BlockPayees {
    /// - Parameter providers: the providers the journal names for this contract.
    /// - Returns: each payee's part; the parts add up to `block` exactly (the last share takes the pennies).
    public static func split(_ block: Money, contract: Contract, providers: Set<ProviderID>) throws(LedgerRefusal) -> [ProviderID: Money] {
        if let prime = contract.primeProvider { return [prime: block] }
        let shares = contract.finance.blockShares.sorted { $0.key < $1.key }
        if !shares.isEmpty {
            let parts = block.split(basisPoints: shares.map(\.value))
            return Dictionary(uniqueKeysWithValues: zip(shares.map(\.key), parts))
        }
        guard providers.count <= 1 else {
            throw LedgerRefusal("\(contract.id) pays a block of \(block) a month, names no prime provider and no share of the "
                + "block for each of its \(providers.count) providers (\(providers.sorted().prefix(5).map(\.rawValue).joined(separator: ", "))): "
                + "name a prime_provider or finance.block_shares in the contract")
        }
        guard let only = providers.first else { return [:] }
        return [only: block]
    }
}

/// A statement the ledger will not issue, and why, in words a finance lead can act on.
public struct LedgerRefusal: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
