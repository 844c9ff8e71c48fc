import Synchronization

/// A progress step whose size is learnt from its first report (an import knows its bytes only once the
/// folder is opened).
final class ByteProgress: Sendable {
    private let display: any ProgressDisplay
    private let label: String
    private let step = Mutex<(any ProgressStep)??>(nil)

    init(display: any ProgressDisplay, label: String) { self.display = display; self.label = label }

    func advance(_ bytes: Int, of total: Int) {
        let current = step.withLock { step in
            if step == nil { step = .some(display.start(label, total: total, unit: "bytes")) }
            return step!
        }
        current?.advance(by: bytes)
    }

    func finish() { step.withLock { $0 ?? nil }?.finish() }
}
