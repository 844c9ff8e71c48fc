#if canImport(Glibc)
import Glibc
#endif

/// Memory the process has freed, handed back to the operating system.
///
/// glibc keeps freed small blocks for reuse, so a run's journal (millions of small arrays, most of a
/// national run's memory) stays resident after it is freed, and the output made after it comes on top
/// of it. Handing the free pages back (`malloc_trim`) keeps a run's peak to the larger of the two
/// steps instead of their sum. Elsewhere than glibc this does nothing.
enum FreedMemory {
    static func returnToSystem() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out malloc.h, so the function is looked up by name.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
