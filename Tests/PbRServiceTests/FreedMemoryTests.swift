@testable import PbRService
import Synchronization
import Testing

/// Freeing on every core frees each value once, whatever the count against the number of parts.
@Suite("Freeing a run's values on every core")
struct FreedMemoryTests {
    final class Tally: Sendable { let freed = Atomic(0) }

    /// Tells its tally when it is freed.
    final class Counted: Sendable {
        let tally: Tally
        init(_ tally: Tally) { self.tally = tally }
        deinit { tally.freed.add(1, ordering: .relaxed) }
    }

    @Test(arguments: [0, 1, 7, 8, 9, 1_000])
    func everyValueIsFreedOnce(count: Int) {
        let tally = Tally()
        var values = (0..<count).map { _ in [Counted(tally), Counted(tally)] }
        FreedMemory.free(&values, leaving: [])
        #expect(values.isEmpty)
        #expect(tally.freed.load(ordering: .relaxed) == 2 * count)
    }
}
