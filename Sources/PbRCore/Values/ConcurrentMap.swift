import Dispatch

/// `(0..<count).map(body)` on every core: each index is computed by exactly one worker and the results
/// come back in index order, whatever the scheduling.
public func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.store(body(index), at: index) }
    return slots.values.map { $0! }
}

/// Results written from concurrent workers; each slot is written once, by one worker, before it is read.
private final class Slots<T>: @unchecked Sendable {
    private(set) var values: [T?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func store(_ value: T, at index: Int) { values.withUnsafeMutableBufferPointer { $0[index] = value } }
}
