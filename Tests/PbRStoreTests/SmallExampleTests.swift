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

    @Test func theMay2013RunByContractYearAndBandWithWhatIsPending() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let report = EntitlementRun(contract: contract).evaluate(try await store.histories(knownAt: nil), asOf: day("2013-05-31"))
        try await store.close()
        // By earning day: 2012/13 holds A001's abstinence, hepatitis B, housing and injecting (600 + 100 +
        // 300 + 300), A002's alcohol 200 and A004's work 150; 2013/14 A001's wellbeing 175 (2013-05-31)
        // and A002's first instalment 325 (due 2013-04-30). Pending: the D3 6-month results of A001 (350)
        // and A003 (300) earn in 2012/13; A001's instalments 1-3 (3 × 500), both 12-month results (700,
        // 600) and A002's instalments 2-4 (3 × 325) in 2013/14; A001's fourth instalment (500, due
        // 2014-05-31) in 2014/15. Budgets: 2,400,000.00 at 25%, 35%, 50%, 60%.
        let years = YearTotals(report.lines, contract: contract).rows.map { row in
            "\(row.start) \(row.totals.owed) \(row.totals.pendingLines) \(row.totals.pendingValue) "
                + "\(row.resultsBudget!) \(row.budgetLeft!)"
        }
        #expect(years == [
            "2012-04-01 1650.00 2 650.00 600000.00 598350.00",
            "2013-04-01 500.00 8 3775.00 840000.00 839500.00",
            "2014-04-01 0.00 1 500.00 1200000.00 1200000.00",
            "2015-04-01 0.00 0 0.00 1440000.00 1440000.00",
        ])
        // Bands: A004 1, A002 2, A003 3, A001 4.
        let bands = BandTotals(report.lines).rows.map { row in
            "\(row.band) \(row.totals.payableLines) \(row.totals.payable) \(row.totals.pendingLines) \(row.totals.pendingValue)"
        }
        #expect(bands == ["1 1 150.00 0 0.00", "2 2 525.00 3 975.00", "3 0 0.00 2 900.00", "4 5 1475.00 6 3050.00"])
        #expect(EntitlementSummary(report.lines).total.pendingValue == Money("4925.00"))
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
