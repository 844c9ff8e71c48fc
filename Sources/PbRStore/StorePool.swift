import PbRCore

/// Sessions on one store for concurrent callers (the HTTP server's requests, a simulation's workers):
/// each caller borrows a session of its own, so one caller's transaction never takes in another's
/// statements; at most `size` sessions are open, and a caller waits for one to come back.
public actor StorePool {
    public nonisolated let location: StoreLocation
    private let size: Int
    private var idle: [JournalStore] = []
    private var opened = 0
    private var waiting: [CheckedContinuation<JournalStore, Never>] = []
    private var all: [JournalStore] = []

    /// Opens the first session (which brings the schema up to date); the rest open as they are needed.
    public init(_ location: StoreLocation, size: Int = 4, mode: JournalStore.OpenMode = .existing) async throws {
        precondition(size >= 1, "a pool holds at least one session")
        self.location = location
        self.size = size
        let first = try await JournalStore.open(location, mode)
        idle = [first]
        all = [first]
        opened = 1
    }

    /// Runs `body` on a session of its own, and gives the session back whatever `body` does.
    public func withStore<T: Sendable>(_ body: @Sendable (JournalStore) async throws -> T) async throws -> T {
        let store = try await borrow()
        do {
            let result = try await body(store)
            giveBack(store)
            return result
        } catch {
            giveBack(store)
            throw error
        }
    }

    /// How many sessions are open now.
    public var openSessions: Int { opened }

    public func close() async throws {
        for store in all { try await store.close() }
        all = []
        idle = []
    }

    private func borrow() async throws -> JournalStore {
        if let store = idle.popLast() { return store }
        if opened < size {
            opened += 1
            do {
                let store = try await JournalStore.open(location, .existing)
                all.append(store)
                return store
            } catch {
                opened -= 1
                throw error
            }
        }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func giveBack(_ store: JournalStore) {
        if waiting.isEmpty { idle.append(store) } else { waiting.removeFirst().resume(returning: store) }
    }
}
