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
        var chunks = concurrentMap(chunkCount) { chunk in
            var merged = ChunkResult()
            for index in (chunk * chunkSize)..<min(histories.count, (chunk + 1) * chunkSize) {
                var result = evaluator.evaluate(histories[order[index]], asOf: asOf)
                result.lines.sort(by: Entitlement.outputOrder)
                // A client's lines come payee by payee: each payee's run is appended at once.
                var first = result.lines.startIndex
                while first < result.lines.endIndex {
                    let payee = result.lines[first].providerID
                    let end = result.lines[first...].firstIndex { $0.providerID != payee } ?? result.lines.endIndex
                    merged.byProvider[payee, default: []].append(contentsOf: result.lines[first..<end])
                    first = end
                }
                merged.exceptions += result.exceptions
            }
            progress?(min(histories.count, (chunk + 1) * chunkSize) - chunk * chunkSize)
            return merged
        }
        // Output order without sorting a million lines: providers in order, each provider's lines chunk
        // by chunk, and chunks hold clients in order.
        let providers = Set(chunks.flatMap(\.byProvider.keys)).sorted()
        var parts: [[Entitlement]] = []
        for provider in providers {
            for index in chunks.indices {
                if let part = chunks[index].byProvider.removeValue(forKey: provider) { parts.append(part) }
            }
        }
        // One payee's one chunk (a small run) is taken as it is, not copied line by line.
        var lines: [Entitlement] = parts.count == 1 ? parts.removeLast() : []
        if parts.count > 1 {
            lines.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts { lines += part }
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
