#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PbRService
import Synchronization

/// A progress bar on standard error for a step that takes more than a moment: drawn only on a terminal,
/// never into a pipe, a file or CI's log, so that what scripts read stays as it was.
final class ProgressBar: ProgressStep {
    private struct State {
        var done = 0
        var lastDrawn = Date.distantPast
        var finished = false
    }

    private let label: String
    private let total: Int
    private let unit: String
    private let started = Date()
    private let state = Mutex(State())

    /// True when standard error is a terminal and nothing says this is a CI run or a dumb terminal.
    static let enabled: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDERR_FILENO) == 1 && (environment["CI"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }()

    /// - Returns: nil when progress is not shown (not a terminal), so callers pass no observer at all.
    static func start(_ label: String, total: Int, unit: String) -> ProgressBar? {
        enabled && total > 0 ? ProgressBar(label: label, total: total, unit: unit) : nil
    }

    private init(label: String, total: Int, unit: String) {
        self.label = label; self.total = total; self.unit = unit
    }

    /// Counts `units` more done; redraws at most ten times a second. Safe from any thread.
    func advance(by units: Int) {
        let line: String? = state.withLock { state in
            state.done += units
            let now = Date()
            guard !state.finished, now.timeIntervalSince(state.lastDrawn) >= 0.1 else { return nil }
            state.lastDrawn = now
            return render(state.done)
        }
        if let line { draw(line) }
    }

    /// Draws the bar full and ends its line.
    func finish() {
        let line: String? = state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            return render(total)
        }
        if let line { draw(line, ending: true) }
    }

    private func render(_ done: Int) -> String {
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let seconds = Int(Date().timeIntervalSince(started))
        return "\r\(label) \(bar) \(Int(fraction * 100))%  \(Self.count(min(done, total))) of \(Self.count(total)) \(unit)  \(seconds)s"
    }

    /// Over the line before (carriage return), clearing what is left of it.
    private func draw(_ text: String, ending: Bool = false) {
        FileHandle.standardError.write(Data((text + "\u{1B}[K" + (ending ? "\n" : "")).utf8))
    }

    private static func count(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}

/// Progress bars for the use cases, on a terminal only.
struct TerminalProgress: ProgressDisplay {
    func start(_ step: String, total: Int, unit: String) -> (any ProgressStep)? { ProgressBar.start(step, total: total, unit: unit) }
}
