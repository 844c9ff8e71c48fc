import Foundation
import PbRCore
import PbRImport
import PbRSimulation
import PbRStore
import PbRTestSupport
import Testing

/// `pbr import` as a process: killed at any moment it leaves the store as before or as after the
/// import; two at once both complete.
@Suite("Imports as processes", .serialized)
struct ImportProcessTests {
    /// The `pbr` built beside this test bundle.
    static let pbr: URL = {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pbr")
    }()

    /// 12,000 clients: top.csv is over one block (`RecordBlocks`, 4 MiB), so kills land between blocks
    /// already written and blocks still to come. Written once for both tests, which only read them.
    static func extracts() throws -> [URL] { try written.get() }

    private static let written = Result { try write() }

    private static func write() throws -> [URL] {
        let folder = try Fixtures.temporaryFolder()
        return try SyntheticExtract.generate(.init(clients: 12_000, providers: 3, seed: 99)).map { batch in
            let extract = folder.appendingPathComponent(batch.name)
            try ExtractWriter.write(to: extract, knownAt: batch.knownAt, source: batch.source, records: batch.records,
                                    withdrawals: batch.withdrawals.map { ($0.kind, $0.key) })
            return extract
        }
    }

    func run(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.pbr
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// (imports recorded, journal rows) in the store.
    func contents(_ path: String) async throws -> (imports: Int, rows: Int) {
        let store = try await JournalStore.open(path, .createIfMissing)
        let imports = try await store.imports()
        let rows = try await store.histories(knownAt: nil).reduce(0) { total, history in
            total + history.assessments.count + history.episodes.count + history.tops.count + history.offences.count
                + history.events.count + (history.client == nil ? 0 : 1)
        }
        try await store.close()
        return (imports.count, rows)
    }

    @Test func anImportKilledAtAnyMomentLeavesTheStoreAsBeforeOrAsAfter() async throws {
        let extract = try Self.extracts()[0]
        let reference = try temporaryLocation()
        let started = Date()
        #expect(try run(["import", extract.path, "--db", reference]).waitAndStatus() == 0)
        let duration = Date().timeIntervalSince(started)
        let whole = try await contents(reference)
        #expect(whole.imports == 1 && whole.rows > 10_000)
        var outcomes: Set<String> = []
        // Kills spread over the whole import (reading, checking, writing, committing) and a little past it.
        for attempt in 0..<12 {
            let path = try temporaryLocation()
            let process = try run(["import", extract.path, "--db", path])
            let delay = duration * Double(attempt + 1) / 11
            try await Task.sleep(for: .seconds(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if !testingPostgres, !FileManager.default.fileExists(atPath: path) { outcomes.insert("no file"); continue }
            let seen = try await contents(path)
            #expect(seen.imports == 0 && seen.rows == 0 || seen.imports == 1 && seen.rows == whole.rows,
                    "after a kill at \(delay) s: \(seen)")
            outcomes.insert(seen.imports == 0 ? "before" : "after")
        }
        #expect(outcomes.contains("before"), "no kill landed before the commit: \(outcomes)")
    }

    @Test func twoImportsAtOnceBothComplete() async throws {
        let extracts = try Self.extracts()
        let path = try temporaryLocation()
        #expect(try run(["import", extracts[0].path, "--db", path]).waitAndStatus() == 0)
        let police = try run(["import", extracts[1].path, "--db", path])
        let corrections = try run(["import", extracts[2].path, "--db", path])
        #expect(police.waitAndStatus() == 0)
        #expect(corrections.waitAndStatus() == 0)
        #expect(try await contents(path).imports == 3)
    }
}

extension Process {
    func waitAndStatus() -> Int32 {
        waitUntilExit()
        return terminationStatus
    }
}
