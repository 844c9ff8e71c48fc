import Crypto
import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// A run over a store: what it saw, what it warns about, and the record written beside each file.
@Suite("Entitlements job")
struct EntitlementsJobTests {
    let contract: ContractSource
    init() throws { contract = try ContractSource.load(Fixtures.referenceContractURL.path) }

    func storeWithTheSmallExample() async throws -> JournalStore {
        let (store, _) = try await temporaryStore()
        _ = try await ImportJob(folder: Fixtures.url("small/batch1").path, importedBy: "test").run(into: store)
        _ = try await ImportJob(folder: Fixtures.url("small/batch2").path, importedBy: "test").run(into: store)
        return store
    }

    @Test func aCutOffBeforeTheFirstImportIsWarnedOf() async throws {
        let store = try await storeWithTheSmallExample()
        let early = Moment(iso: "2013-01-01T00:00:00Z")!
        let result = try await EntitlementsJob(contract: contract, asOf: day("2013-05-31"), knownAt: early).run(on: store, command: "test")
        try await store.close()
        #expect(result.report.lines.isEmpty)
        #expect(result.warnings == ["--known-at 2013-01-01T00:00:00Z is before the first import (#1, known at 2013-06-05T09:00:00+01:00): the run sees no data"])
        #expect(result.provenance.lastImport == nil)
    }

    @Test func aDayBeforeTheContractStartsIsWarnedOfAndRecorded() async throws {
        let store = try await storeWithTheSmallExample()
        let result = try await EntitlementsJob(contract: contract, asOf: day("2012-03-31"), knownAt: nil).run(on: store, command: "test")
        try await store.close()
        #expect(result.warnings == ["--as-of 2012-03-31 is before national-pilot's start on 2012-04-01: nothing can be owed yet"])
        #expect(result.provenance.warnings == result.warnings)
    }

    @Test func theRecordNamesTheLastImportTheRunSaw() async throws {
        let store = try await storeWithTheSmallExample()
        let june = Moment(iso: "2013-06-05T09:00:00+01:00")!
        let result = try await EntitlementsJob(contract: contract, asOf: day("2013-05-31"), knownAt: june).run(on: store, command: "test")
        let imports = try await store.imports()
        try await store.close()
        #expect(result.warnings.isEmpty)
        #expect(result.provenance.lastImport == .init(id: imports[0].id, knownAt: "2013-06-05T09:00:00+01:00", sha256: imports[0].digest))
        #expect(result.provenance.knownAt == "2013-06-05T09:00:00+01:00")
        #expect(result.provenance.asOf == "2013-05-31")
    }

    @Test func eachFileWrittenHasARecordBesideItWithTheContractsDigest() async throws {
        let store = try await storeWithTheSmallExample()
        let result = try await EntitlementsJob(contract: contract, asOf: day("2016-12-31"), knownAt: nil).run(on: store, command: "entitlements")
        try await store.close()
        let csv = try Fixtures.temporaryFolder().appendingPathComponent("out.csv").path
        try EntitlementsJob.write(result, csv: csv, exceptions: nil)

        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: csv + ".json"))) as? [String: Any]
        let contractRecord = record?["contract"] as? [String: Any]
        let bytes = try Data(contentsOf: Fixtures.referenceContractURL)
        #expect(contractRecord?["id"] as? String == "national-pilot")
        #expect(contractRecord?["sha256"] as? String == SHA256.hash(data: bytes).hex)
        #expect(record?["as_of"] as? String == "2016-12-31")
        #expect(record?["known_at"] == nil)
        #expect(record?["version"] as? String == PbRVersion.current)
        #expect((record?["last_import"] as? [String: Any])?["id"] as? Int == 2)
        // As many rows as the hand-checked file of the small example has under its header.
        let expected = try String(contentsOf: Fixtures.url("small/entitlements-2016-12-31.csv"), encoding: .utf8)
        #expect(record?["rows"] as? Int == expected.split(separator: "\n").count - 1)
        #expect(record?["sha256"] as? String == SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: csv))).hex)
    }
}

extension EntitlementsJobTests {
    @Test func aContractInTheStoreRunsByItsIdAsItsFileDoes() async throws {
        let store = try await storeWithTheExampleAndTheContract()
        let byFile = try await EntitlementsJob(contract: contract, asOf: day("2016-12-31"), knownAt: nil).run(on: store, command: "test")
        let byID = try await EntitlementsJob.stored("national-pilot", in: store, asOf: day("2016-12-31"), knownAt: nil).run(on: store, command: "test")
        try await store.close()
        #expect(byID.report.lines.count == 15)
        #expect(EntitlementsCSV.bytes(byID.report.lines) == EntitlementsCSV.bytes(byFile.report.lines))
        #expect(byID.provenance.contract?.sha256 == contract.sha256)
    }

    func storeWithTheExampleAndTheContract() async throws -> JournalStore {
        let store = try await storeWithTheSmallExample()
        _ = try await ContractRegistry(store: store).add(Fixtures.referenceContractURL.path, by: "test")
        return store
    }
}
