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
        let chunks = max(1, min(64, histories.count / 2_000))
        let results = ResultSlots(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var merged = ClientEvaluator.Result()
            var index = chunk
            while index < histories.count {
                let result = evaluator.evaluate(histories[index], asOf: asOf)
                merged.lines += result.lines
                merged.exceptions += result.exceptions
                index += chunks
            }
            results.store(merged, at: chunk)
        }
        var lines = results.all.flatMap(\.lines)
        CapLedger(contract: contract).apply(to: &lines)
        lines.sort(by: Entitlement.outputOrder)
        let exceptions = results.all.flatMap(\.exceptions).sorted { a, b in
            a.clientID != b.clientID ? a.clientID < b.clientID : a.outcomeID < b.outcomeID
        }
        return EntitlementReport(asOf: asOf, lines: lines, exceptions: exceptions, clientsEvaluated: histories.count)
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
