/// Runs a contract over every client as of a day: the payment engine's one entry point.
///
/// A pure function of (contract, histories, as-of day): the same inputs give the same lines.
public struct EntitlementRun: Sendable {
    public let contract: Contract

    public init(contract: Contract) { self.contract = contract }

    /// - Parameters:
    ///   - histories: every client's records as the run's `known_at` sees them.
    ///   - asOf: the run's day; only facts dated on or before it count, and a line is payable when due by it.
    ///   - progress: told how many more clients are done, a chunk at a time, from any thread.
    public func evaluate(_ histories: [ClientHistory], asOf: Day,
                         progress: (@Sendable (_ clients: Int) -> Void)? = nil) -> EntitlementReport {
        let evaluator = ClientEvaluator(contract: contract)
        let order = histories.indices.sorted { histories[$0].clientID < histories[$1].clientID }
        // Contiguous chunks of clients, so that joining the chunks keeps client order.
        let chunkCount = max(1, min(64, histories.count / 2_000))
        let chunkSize = (histories.count + chunkCount - 1) / max(chunkCount, 1)
        let chunks = concurrentMap(chunkCount) { chunk in
            var merged = ChunkResult()
            for index in (chunk * chunkSize)..<min(histories.count, (chunk + 1) * chunkSize) {
                let result = evaluator.evaluate(histories[order[index]], asOf: asOf)
                for line in result.lines.sorted(by: Entitlement.outputOrder) {
                    merged.byProvider[line.providerID, default: []].append(line)
                }
                merged.exceptions += result.exceptions
            }
            progress?(min(histories.count, (chunk + 1) * chunkSize) - chunk * chunkSize)
            return merged
        }
        // Output order without sorting a million lines: providers in order, each provider's lines chunk
        // by chunk, and chunks hold clients in order.
        let providers = Set(chunks.flatMap(\.byProvider.keys)).sorted()
        var lines: [Entitlement] = []
        lines.reserveCapacity(chunks.reduce(0) { $0 + $1.byProvider.values.reduce(0) { $0 + $1.count } })
        for provider in providers {
            for chunk in chunks { lines += chunk.byProvider[provider] ?? [] }
        }
        CapLedger(contract: contract).apply(to: &lines)
        // Exceptions are few: sorting them costs nothing.
        let exceptions = chunks.flatMap(\.exceptions).sorted(by: EntitlementException.outputOrder)
        return EntitlementReport(asOf: asOf, lines: lines, exceptions: exceptions, clientsEvaluated: histories.count)
    }
}

/// One chunk's lines, by payee, in client order.
private struct ChunkResult: Sendable {
    var byProvider: [ProviderID: [Entitlement]] = [:]
    var exceptions: [EntitlementException] = []
}
