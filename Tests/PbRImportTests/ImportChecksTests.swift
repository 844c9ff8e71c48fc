import Foundation
import PbRCore
@testable import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// The checks of one block run while SQLite still writes the block before it, so they cannot ask the
/// store about that block's keys: they are given its rows.
@Suite("Checks beside the block being written")
struct ImportChecksTests {
    static let knownOn = day("2013-06-05")
    static let header = ImportHeader(knownAt: Moment(epochSeconds: 1_370_419_200, text: "2013-06-05T09:00:00+01:00"),
                                     source: "test", digest: "checks-beside-a-write", origin: "test", importedBy: "test")

    /// A block of clients.csv as the importer parses it, its rows starting at `line`.
    func block(_ rows: String, line: Int) throws -> ParsedBlock {
        let header = "client_id,sex,birth_year\n"
        let (layout, _, _) = try FileLayout.read(.clients, from: RecordBlocks.Block(bytes: Array(header.utf8), firstLine: 1), allowExtra: false)
        return try ParsedBlock.parse(Array(rows.utf8), from: 0, line: line, layout: layout, knownOn: Self.knownOn, pieces: 1)
    }

    /// The first block is checked and never written: the second block's repeat of its key is found from
    /// the rows handed over, not from the store (which has none of them), and its first line is left to
    /// be found by reading the file again, as for a key already in the store.
    @Test func aKeyRepeatedFromTheBlockStillBeingWrittenIsFound() async throws {
        let (store, _) = try await temporaryStore()
        let first = try block("A001,M,1978\nA002,F,1985\n", line: 2)
        let second = try block("A003,M,1990\nA002,F,1985\n", line: 4)
        struct Checked: Error { let rows: [String], repeats: [String] }
        let outcome = await #expect(throws: Checked.self) {
            _ = try await store.importing(Self.header) { session in
                var checks = ImportChecks(session: session)
                checks.startFile()
                let written = try await checks.check(first, writing: [])
                let checked = try await checks.check(second, writing: written.rows)
                // Thrown, so that the import rolls back: only what the checks said matters here.
                throw Checked(rows: checked.rows.map(\.key), repeats: checked.repeats.map { "\($0.key) on line \($0.line)" })
            }
        }
        #expect(outcome?.rows == ["A003"])
        #expect(outcome?.repeats == ["A002 on line 5"])
        try await store.close()
    }
}
