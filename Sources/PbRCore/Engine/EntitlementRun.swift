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
        // The ids apart: `histories[$0].clientID` in the comparison copied a whole history (every array
        // retained and released) at each of the sort's comparisons, on one core before the others start.
        let ids = histories.map { $0.clientID }
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
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
        // Exceptions are few: sorting them costs nothing.
        let exceptions = chunks.flatMap(\.exceptions).sorted(by: EntitlementException.outputOrder)
        var lines = Self.joined(&chunks, providers: providers)
        CapLedger(contract: contract).apply(to: &lines)
        return EntitlementReport(asOf: asOf, lines: lines, exceptions: exceptions, clientsEvaluated: histories.count)
    }
}

extension EntitlementRun {
    /// Every chunk's lines in output order (providers in order, each provider's lines chunk by chunk),
    /// each line moved (`popLast`, then into its place) where appending copied it and the chunks then
    /// released theirs: on one core, between the evaluation on every core and the caps.
    fileprivate static func joined(_ chunks: inout [ChunkResult], providers: [ProviderID]) -> [Entitlement] {
        // One payee's one chunk (a small run, a simulated cohort) is the report as it is.
        if chunks.count == 1, providers.count == 1, let lines = chunks[0].byProvider.removeValue(forKey: providers[0]) { return lines }
        let total = chunks.reduce(0) { $0 + $1.byProvider.values.reduce(0) { $0 + $1.count } }
        return Array(unsafeUninitializedCapacity: total) { buffer, count in
            // From the last provider's last chunk's last line back to the first: each into its place from the end.
            var place = total
            for provider in providers.reversed() {
                for chunk in chunks.indices.reversed() {
                    guard var lines = chunks[chunk].byProvider.removeValue(forKey: provider) else { continue }
                    while let line = lines.popLast() {
                        place -= 1
                        (buffer.baseAddress! + place).initialize(to: line)
                    }
                }
            }
            precondition(place == 0, "every chunk's lines fill the report")
            count = total
        }
    }
}

/// One chunk's lines, by payee, in client order.
private struct ChunkResult: Sendable {
    var byProvider: [ProviderID: [Entitlement]] = [:]
    var exceptions: [EntitlementException] = []
}
