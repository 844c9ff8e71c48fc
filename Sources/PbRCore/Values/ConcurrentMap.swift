import Dispatch

/// `(0..<count).map(body)` on every core: each index is computed by exactly one worker and the results
/// come back in index order, whatever the scheduling.
public func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.store(body(index), at: index) }
    return slots.values()
}

/// Results written from concurrent workers into memory allocated once: each slot is written by one
/// worker, and read only after every worker has finished. (An `Array` would not do: its mutating
/// accessors may move or copy the storage while another worker writes.)
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: T, at index: Int) { (storage + index).pointee = value }

    func values() -> [T] { (0..<count).map { storage[$0]! } }
}
