import Crypto
import Dispatch
import Foundation
import PbRCore
import Synchronization

extension OutputFiles {
    /// Writes a CSV made in parts, and its record beside it, each whole or not at all, as
    /// `write(_:to:provenance:)` writes the parts joined. The parts are made on every core while a thread
    /// of its own writes, hashes and counts the lines of each as soon as it and the parts before it are
    /// made: the disk and the digest keep pace with the making instead of waiting for a whole file.
    /// - Parameters:
    ///   - count: how many parts; `make(i)` makes part `i`, on any thread.
    public static func write(parts count: Int, to path: String, provenance: Provenance, now: Date = Date(),
                             make: @Sendable (Int) -> [UInt8]) throws(Refusal) {
        let parts = MadeParts(count: count)
        // A thread of its own: from the pool that makes the parts, the writer would wait for a free worker
        // (it did, nested in `concurrentPerform`, and the parts were made on one core).
        Thread { parts.writeAll(to: path) }.start()
        DispatchQueue.concurrentPerform(iterations: count) { index in parts.put(make(index), at: index) }
        let file = try parts.written()
        let stamp = provenance.stamped(path, sha256: file.sha256, rows: Provenance.csvRows(newlines: file.newlines), now: now)
        try write(stamp.json(), to: Provenance.sidecarPath(of: path))
    }
}

/// The parts of a file as they are made, each handed to the writer once, in order, and not kept; and what
/// the writer made of them.
private final class MadeParts: Sendable {
    typealias Written = (sha256: String, newlines: Int)
    private let parts: Mutex<[(bytes: [UInt8], newlines: Int)?]>
    private let ready: [DispatchSemaphore]
    private let outcome = Mutex<Result<Written, Refusal>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(count: Int) {
        parts = Mutex(Array(repeating: nil, count: count))
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    /// Called once for each part, from any thread; its lines are counted here, on the making core.
    func put(_ bytes: [UInt8], at index: Int) {
        let newlines = Provenance.newlines(in: bytes)
        parts.withLock { $0[index] = (bytes, newlines) }
        ready[index].signal()
    }

    /// Writes every part in order as each is made, on the calling thread; `written()` waits for it.
    func writeAll(to path: String) {
        var hasher = SHA256()
        var newlines = 0
        let result = Result { () throws(Refusal) -> Written in
            try OutputFiles.write(to: path) { handle in
                for index in ready.indices {
                    let part = take(index)
                    try handle.write(contentsOf: part.bytes)
                    hasher.update(data: part.bytes)
                    newlines += part.newlines
                }
            }
            return (hasher.finalize().hex, newlines)
        }
        outcome.withLock { $0 = result }
        finished.signal()
    }

    /// The written file's digest and line count, once `writeAll` has finished.
    func written() throws(Refusal) -> Written {
        finished.wait()
        guard let result = outcome.withLock({ $0 }) else { preconditionFailure("the writer reports its file") }
        return try result.get()
    }

    /// Waits until part `index` is made, and takes it.
    private func take(_ index: Int) -> (bytes: [UInt8], newlines: Int) {
        ready[index].wait()
        return parts.withLock { parts in
            defer { parts[index] = nil }
            return parts[index]!
        }
    }
}
