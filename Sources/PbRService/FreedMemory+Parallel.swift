import Dispatch
import PbRCore
import Synchronization

extension FreedMemory {
    /// Frees `values` on every core instead of one: a run's histories (millions of records, each with
    /// its strings and arrays) took a tenth of the run to free on one core, between the evaluation and
    /// the output. Each value is moved (`popLast`, no copy) to one of a few arrays, each freed by its own worker.
    static func free<Value: Sendable>(_ values: inout [Value], parts: Int = 8) {
        var shares = [[Value]](repeating: [], count: parts)
        for part in shares.indices { shares[part].reserveCapacity(values.count / parts + 1) }
        var part = 0
        while let value = values.popLast() {
            shares[part].append(value)
            part = (part + 1) % parts
        }
        let held = Mutex(consume shares)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            // Taken out under the lock, freed outside it as `share` goes.
            var share = held.withLock { shares in
                defer { shares[part] = [] }
                return shares[part]
            }
            share.removeAll()
        }
    }
}
