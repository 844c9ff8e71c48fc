import Dispatch

/// Runs a contract over every client as of a day: the payment engine's one entry point.
///
/// A pure function of (contract, histories, as-of day): the same inputs give the same lines.
public struct EntitlementRun: Sendable {
    public let contract: Contract

    public init(contract: Contract) { self.contract = contract }

    /// - Parameters:
    ///   - histories: every client's records as the run's `known_at` sees them.
    ///   - asOf: the run's day; only facts dated on or before it count, and a line is payable when due by it.
    public func evaluate(_ histories: [ClientHistory], asOf: Day) -> EntitlementReport {
        let evaluator = ClientEvaluator(contract: contract)
        let order = histories.indices.sorted { histories[$0].clientID < histories[$1].clientID }
        // Contiguous chunks of clients, so that joining the chunks keeps client order.
        let chunkCount = max(1, min(64, histories.count / 2_000))
        let chunkSize = (histories.count + chunkCount - 1) / max(chunkCount, 1)
        let results = ResultSlots(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var merged = ClientEvaluator.Result()
            for index in (chunk * chunkSize)..<min(histories.count, (chunk + 1) * chunkSize) {
                let result = evaluator.evaluate(histories[order[index]], asOf: asOf)
                merged.lines += result.lines.sorted(by: Entitlement.outputOrder)
                merged.exceptions += result.exceptions
            }
            results.store(merged, at: chunk)
        }
        var lines = results.all.flatMap(\.lines)
        CapLedger(contract: contract).apply(to: &lines)
        return EntitlementReport(asOf: asOf, lines: Self.byProvider(lines), exceptions: results.all.flatMap(\.exceptions),
                                 clientsEvaluated: histories.count)
    }

    /// Output order from lines already in client order: a stable partition by provider, which keeps
    /// client, outcome and part order within each provider (no sort of a million lines).
    private static func byProvider(_ lines: [Entitlement]) -> [Entitlement] {
        var buckets: [ProviderID: [Entitlement]] = [:]
        for line in lines { buckets[line.providerID, default: []].append(line) }
        return buckets.keys.sorted().flatMap { buckets[$0]! }
    }
}

/// Per-chunk results written from concurrent workers; each slot is written by exactly one worker.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [ClientEvaluator.Result]
    init(count: Int) { slots = Array(repeating: ClientEvaluator.Result(), count: count) }
    func store(_ result: ClientEvaluator.Result, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = result }
    }
    var all: [ClientEvaluator.Result] { slots }
}
