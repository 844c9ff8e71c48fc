import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// SQLite and PostgreSQL hold the same ledger. Runs when the tests have a PostgreSQL server
/// (`scripts/test-postgres`, `.ci/run`).
@Suite("The ledger on SQLite and PostgreSQL", .enabled(if: testingPostgres))
struct LedgerParityTests {
    /// The ledger on both stores: the same extracts, contract and issues give byte-identical exports.
    @Test func theSameIssuesGiveByteIdenticalStatementExportsOnBothStores() async throws {
        let folder = try Fixtures.temporaryFolder()
        var exports: [String] = []
        for location in [folder.appendingPathComponent("ledger.sqlite").path, try temporaryLocation()] {
            let store = try await JournalStore.open(location, .createIfMissing)
            _ = try await ContractRegistry(store: store).add(Fixtures.referenceContractURL.path, by: "test")
            let clock = WallClock.fixed(Date(timeIntervalSince1970: 1_800_000_000))
            for (batch, through) in [("small/batch1", "2013-05"), ("small/batch2", "2014-07")] {
                try await importExtract(Fixtures.url(batch), into: store)
                _ = try await StatementIssue(contractID: "national-pilot", period: StatementPeriod(through)!, catchingUp: true,
                                             issuedBy: "test", clock: clock).run(on: store)
            }
            exports.append(StatementCSV.render(try await store.statementLines("national-pilot")))
            #expect(try await StatementVerify(contractID: "national-pilot").run(on: store).problems.isEmpty)
            try await store.close()
        }
        #expect(exports[0].split(separator: "\n").count == 18)
        #expect(exports[0] == exports[1])
    }
}
