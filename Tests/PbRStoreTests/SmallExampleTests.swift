import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// ../shared/examples/small (copied to Tests/Fixtures/small): two extracts, four clients, hand-checked.
@Suite("The small worked example, end to end")
struct SmallExampleTests {
    let contract: Contract
    init() throws { contract = try Fixtures.referenceContract() }

    /// The expected file without its free-text reason column.
    func expected(_ name: String) throws -> [String] {
        try String(contentsOf: Fixtures.url("small/" + name), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",").prefix(10).joined(separator: ",") }
    }

    func actual(_ report: EntitlementReport) -> [String] {
        EntitlementsCSV.render(report.lines).split(separator: "\n").map { $0.split(separator: ",").prefix(10).joined(separator: ",") }
    }

    @Test func bothExtractsAsOfTheEndOf2016() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        let report = EntitlementRun(contract: contract).evaluate(try await store.histories(knownAt: nil), asOf: day("2016-12-31"))
        try await store.close()
        #expect(actual(report) == (try expected("entitlements-2016-12-31.csv")))
    }

    @Test func theMay2013StatementSeesOnlyTheFirstExtract() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        let june = Moment(iso: "2013-06-05T09:00:00+01:00")!
        let report = EntitlementRun(contract: contract).evaluate(try await store.histories(knownAt: june), asOf: day("2013-05-31"))
        try await store.close()
        #expect(actual(report) == (try expected("entitlements-2013-05-31-batch1.csv")))
        #expect(report.lines.first { $0.outcomeID.rawValue == "D1-abstinent" }?.amount == Money("600.00"))
    }

    @Test func importingTheSameExtractTwiceChangesNothing() async throws {
        let (store, _) = try await temporaryStore()
        let first = try await importExtract(Fixtures.url("small/batch1"), into: store)
        let before = try await store.histories(knownAt: nil)
        let again = try await importExtract(Fixtures.url("small/batch1"), into: store)
        let after = try await store.histories(knownAt: nil)
        let imports = try await store.imports()
        try await store.close()
        #expect(!first.alreadyImported && first.rowsImported == 29)
        #expect(again.alreadyImported && again.importID == first.importID)
        #expect(imports.count == 1)
        let topsBefore: Int = before.map(\.tops.count).reduce(0, +)
        let topsAfter: Int = after.map(\.tops.count).reduce(0, +)
        #expect(Set(before.map(\.clientID)) == Set(after.map(\.clientID)))
        #expect(topsBefore == topsAfter && topsBefore == 10)
    }

    @Test func aCorrectionArrivingBeforeWhatItCorrectsIsRefused() async throws {
        let (store, _) = try await temporaryStore()
        // The second extract on its own, with the clients: its TOP names episode 10, which is not yet known.
        let early = try Fixtures.temporaryFolder()
        for file in ["extract.yaml", "offences.csv", "top.csv", "episodes.csv"] {
            try FileManager.default.copyItem(at: Fixtures.url("small/batch2/" + file), to: early.appendingPathComponent(file))
        }
        try FileManager.default.copyItem(at: Fixtures.url("small/batch1/clients.csv"), to: early.appendingPathComponent("clients.csv"))
        await #expect(throws: ExtractRefused.self) { try await importExtract(early, into: store) }
        try await store.close()
    }
}
