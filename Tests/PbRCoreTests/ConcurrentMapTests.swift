import PbRCore
import Testing

@Suite("concurrentMap")
struct ConcurrentMapTests {
    @Test func resultsComeBackInIndexOrderWhateverTheScheduling() {
        for count in [0, 1, 2, 7, 64, 1_000] {
            for _ in 0..<20 {
                #expect(concurrentMap(count) { index in [index, index * 2] } == (0..<count).map { [$0, $0 * 2] })
            }
        }
    }
}
