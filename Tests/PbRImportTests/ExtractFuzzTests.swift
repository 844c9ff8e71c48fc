import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// Random bytes and mutated valid extracts never crash the importer: each is read, with every bad row
/// located by file and line, or refused whole with a located reason.
@Suite("Importer against damaged input")
struct ExtractFuzzTests {
    /// A small generator of our own, seeded, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func files(of folder: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return files
    }

    /// Imports the extract, skipping bad rows; passes when it is imported with every bad row located, or
    /// refused with a located reason and the store left empty.
    func readsOrRefusesWithLocation(_ files: [String: [UInt8]], into store: JournalStore) async throws {
        let folder = try Fixtures.temporaryFolder()
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let rejects = try Fixtures.temporaryFolder().appendingPathComponent("rejects.csv")
        let before = try await store.imports().count
        do {
            let receipt = try await ExtractImport(folder: folder, importedBy: "fuzz", skipBadRows: true, rejects: rejects).run(into: store)
            var reader = CSVReader(bytes: Array(try Data(contentsOf: rejects)))
            _ = try reader.next()
            var rejected = 0
            while let row = try reader.next() {
                rejected += 1
                #expect(files[row.fields[0]] != nil && Int(row.fields[1])! >= 1, "unlocated: \(row.fields)")
            }
            #expect(rejected == receipt.rowsRejected)
        } catch let refused as ExtractRefused {
            #expect(!refused.issues.isEmpty)
            for issue in refused.issues { #expect(files[issue.file] != nil || issue.file == "extract.yaml", "unlocated: \(issue)") }
            #expect(try await store.imports().count == before)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func mutatedValidExtractsAreReadOrRefusedWithALocation(seed: UInt64) async throws {
        var random = SplitMix(state: seed)
        let original = try files(of: Fixtures.url("small/batch1"))
        let names = original.keys.sorted()
        let (store, _) = try await temporaryStore()
        defer { Task { try? await store.close() } }
        for _ in 0..<40 {
            var mutated = original
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let name = names.randomElement(using: &random)!
                var bytes = mutated[name]!
                guard !bytes.isEmpty else { continue }
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<5, using: &random) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert([UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D, 0xFF, 0x1F].randomElement(using: &random)!, at: at)
                case 3: bytes = Array(bytes[..<at])
                default: bytes.insert(contentsOf: bytes[at...].prefix(40), at: at)
                }
                mutated[name] = bytes
            }
            try await readsOrRefusesWithLocation(mutated, into: store)
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func randomBytesAreRefusedWithALocation(seed: UInt64) async throws {
        var random = SplitMix(state: seed)
        let (store, _) = try await temporaryStore()
        defer { Task { try? await store.close() } }
        for _ in 0..<20 {
            let noise = (0..<Int.random(in: 0...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let name = RecordKind.allCases.randomElement(using: &random)!.fileName
            try await readsOrRefusesWithLocation([
                "extract.yaml": Array("known_at: '2013-06-05T09:00:00+01:00'\nsource: fuzz\n".utf8), name: noise,
            ], into: store)
            try await readsOrRefusesWithLocation(["extract.yaml": noise], into: store)
        }
    }
}
