import Foundation
import PbRCore
import PbRImport
import PbRSimulation
import PbRStore
import PbRTestSupport
import Testing

/// SQLite and PostgreSQL hold the same journal: the same extracts and contract give byte-identical
/// entitlements. Runs when the tests have a PostgreSQL server (`scripts/test-postgres`, `.ci/run`).
@Suite("SQLite and PostgreSQL agree", .enabled(if: testingPostgres))
struct BackendParityTests {
    @Test func theSameExtractsGiveByteIdenticalEntitlementsOnBothStores() async throws {
        let folder = try Fixtures.temporaryFolder()
        var extracts = [Fixtures.url("small/batch1"), Fixtures.url("small/batch2")]
        for batch in SyntheticExtract.generate(.init(clients: 800, providers: 4, seed: 5)) {
            let extract = folder.appendingPathComponent(batch.name)
            try ExtractWriter.write(to: extract, knownAt: batch.knownAt, source: batch.source, records: batch.records,
                                    withdrawals: batch.withdrawals.map { ($0.kind, $0.key) })
            extracts.append(extract)
        }
        let contract = try Fixtures.referenceContract()
        var outputs: [[UInt8]] = []
        for location in [folder.appendingPathComponent("parity.sqlite").path, try temporaryLocation()] {
            let store = try await JournalStore.open(location, .createIfMissing)
            for extract in extracts { try await importExtract(extract, into: store) }
            var bytes: [UInt8] = []
            for (asOf, knownAt) in [("2013-05-31", "2013-06-05T09:00:00+01:00"), ("2016-12-31", nil)] as [(String, String?)] {
                let histories = try await store.histories(knownAt: knownAt.flatMap(Moment.init(iso:)))
                bytes += EntitlementsCSV.bytes(EntitlementRun(contract: contract).evaluate(histories, asOf: day(asOf)).lines)
            }
            #expect(try await store.check().isEmpty)
            try await store.close()
            outputs.append(bytes)
        }
        #expect(outputs[0].count > 10_000)
        #expect(outputs[0] == outputs[1])
    }
}
