/// One writer at a time per SQLite file within this process, waiting without holding a thread.
///
/// SQLite's own lock makes a second writer wait in its busy handler, which sleeps on one of the
/// driver's few threads; with two sessions of a pool waiting there, the writer holding the lock can
/// find no thread to commit on, and all of them wait out the busy timeout. Waiting here instead (an
/// async queue) leaves the threads free. Other processes still meet SQLite's lock and busy timeout.
actor WriterGate {
    static let shared = WriterGate()

    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ path: String) async {
        guard busy.contains(path) else {
            busy.insert(path)
            return
        }
        await withCheckedContinuation { waiting[path, default: []].append($0) }
    }

    func release(_ path: String) {
        if var queue = waiting[path], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[path] = queue.isEmpty ? nil : queue
            next.resume()  // the gate passes to the next writer, still busy
        } else {
            busy.remove(path)
        }
    }
}
