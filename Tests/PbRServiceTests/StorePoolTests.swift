import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// Concurrent callers on one store (on PostgreSQL too, under `scripts/test-postgres`): each borrows a
/// session of its own, so their transactions do not mix, and the pool opens no more than its size.
@Suite("A pool of store sessions")
struct StorePoolTests {
    @Test func twelveCallersAtOnceOnThreeSessionsAllCompleteWithoutMixingTheirWrites() async throws {
        let location = try StoreLocation.parse(try temporaryLocation())
        let pool = try await StorePool(location, size: 3, mode: .createIfMissing)
        let text = try String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8)
        let folder = try Fixtures.temporaryFolder()
        let files = try (1...12).map { number in
            let file = folder.appendingPathComponent("contract-\(number).yaml")
            try text.replacingOccurrences(of: "id: national-pilot", with: "id: pilot-\(number)").write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
        // Each caller registers a contract (a write transaction) and reads the list back on its own session.
        let outcome: Result<[Int], any Error>
        do { outcome = .success(try await withThrowingTaskGroup(of: Int.self) { group in
            for file in files {
                group.addTask {
                    try await pool.withStore { store in
                        _ = try await ContractRegistry(store: store).add(file, by: "test")
                        return try await store.contractVersions().count
                    }
                }
            }
            var counts: [Int] = []
            for try await count in group { counts.append(count) }
            return counts
        }) } catch { outcome = .failure(error) }
        guard case .success(let seen) = outcome else {
            try await pool.close()
            Issue.record("a caller failed: \(outcome)")
            return
        }
        let ids = try await pool.withStore { try await $0.contractVersions().map(\.contractID) }
        let sessions = await pool.openSessions
        try await pool.close()
        #expect(Set(ids) == Set((1...12).map { "pilot-\($0)" }))
        #expect(seen.allSatisfy { (1...12).contains($0) })
        #expect(sessions <= 3)
    }
}
