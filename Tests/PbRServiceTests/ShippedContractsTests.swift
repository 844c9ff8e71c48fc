import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// The contracts shipped in `contracts/`, modelled on the seeds: each loads and registers, and its
/// statements pay what the file says, to the payee it names. Every figure below is computed by hand.
@Suite("Shipped contracts")
struct ShippedContractsTests {
    func pounds(_ text: String) -> Money { Money(pounds: text)! }

    func sum(_ lines: [StatementLine]) -> Money { lines.reduce(.zero) { $0 + $1.amount } }

    @Test func everyShippedContractLoadsAndRegistersInOneStore() async throws {
        let names = try ShippedExtracts.shippedNames()
        #expect(names == ["bracknell-forest", "kent", "national-pilot", "oxfordshire-assessment",
                          "oxfordshire-harm-minimisation", "oxfordshire-recovery", "peterborough"])
        let (store, _) = try await temporaryStore()
        for name in names {
            let source = try ContractSource.load(ShippedExtracts.contract(name).path)
            #expect(source.contract.id == name, "a file is named after its contract's id")
            _ = try await ContractRegistry(store: store).add(source.path, by: "test")
        }
        let registered = Set(try await store.contractVersions().map(\.contractID))
        try await store.close()
        #expect(registered == Set(names))
    }

    @Test func eachContractHasTheSharesAndPayeeItsSeedGives() throws {
        func load(_ name: String) throws -> Contract { try ContractSource.load(ShippedExtracts.contract(name).path).contract }
        func shares(_ contract: Contract) -> [Int] { contract.finance.years.map(\.resultsShareBasisPoints) }
        let kent = try load("kent")
        #expect(shares(kent) == [2_500, 4_000, 5_000, 6_000])
        #expect(kent.finance.blockShares == [ProviderID("K01"): 10_000] && kent.primeProvider == nil)
        #expect(shares(try load("oxfordshire-assessment")) == [2_500, 2_500, 2_500, 2_500])
        #expect(shares(try load("oxfordshire-harm-minimisation")) == [3_000, 3_000, 3_000, 3_000])
        #expect(shares(try load("oxfordshire-recovery")) == [10_000, 10_000, 10_000, 10_000])
        let bracknell = try load("bracknell-forest")
        #expect(shares(bracknell) == [10_000, 10_000, 10_000, 10_000] && bracknell.primeProvider == ProviderID("BF-PRIME"))
        // Kent pays recovery more than reduced offending: band 3's D1-completed 1,600.00, its D3 12 months 300.00.
        let price = { (id: String) in kent.outcomes.first { $0.id.rawValue == id }?.prices[Band(3)!] }
        #expect(price("D1-completed") == pounds("1600.00") && price("D3-no-offending-12m") == pounds("300.00"))
    }

    @Test func kentsBlockPaysEachYearsShareExactlyAndFallsAsTheResultsShareRises() async throws {
        let ledger = try await LedgerFixture.make(contract: ShippedExtracts.contract("kent"))
        // One client in treatment at K01, who earns nothing: the statements hold the block alone.
        try await importExtract(try ExtractFolders.write(ShippedExtracts.clients(["K001,3,K01,2012-05-01"])), into: ledger.store)
        try await ledger.issue(through: "2016-03", contract: "kent")
        let lines = try await ledger.store.statementLines("kent")
        try await ledger.store.close()

        let blocks = lines.filter { $0.component == .block }
        #expect(blocks.count == 48 && lines.count == 48)
        #expect(blocks.allSatisfy { $0.providerID == ProviderID("K01") && $0.statementID == "kent/\($0.period)/K01" })
        func year(_ from: String) -> [Money] {
            let first = StatementPeriod(from)!
            return blocks.filter { $0.period >= first && first.months(to: $0.period) < 12 }.map(\.amount)
        }
        // 2012/13, 25% on results: 3,998,750.00 × 75% = 2,999,062.50; / 12 = 249,921.875, down to 249,921.87;
        // March takes 2,999,062.50 − 11 × 249,921.87 = 2,999,062.50 − 2,749,140.57 = 249,921.93.
        #expect(year("2012-04") == Array(repeating: pounds("249921.87"), count: 11) + [pounds("249921.93")])
        #expect(year("2012-04").reduce(.zero, +) == pounds("2999062.50"))
        // 2013/14, 40%: × 60% = 2,399,250.00, twelve parts of 199,937.50 exactly.
        #expect(year("2013-04") == Array(repeating: pounds("199937.50"), count: 12))
        // 2014/15, 50%: 1,999,375.00; / 12 = 166,614.58 (down); March 1,999,375.00 − 1,832,760.38 = 166,614.62.
        #expect(year("2014-04") == Array(repeating: pounds("166614.58"), count: 11) + [pounds("166614.62")])
        // 2015/16, 60%: 1,599,500.00; / 12 = 133,291.66 (down); March 1,599,500.00 − 1,466,208.26 = 133,291.74.
        #expect(year("2015-04") == Array(repeating: pounds("133291.66"), count: 11) + [pounds("133291.74")])
        #expect(year("2015-04").reduce(.zero, +) == pounds("1599500.00"))
    }

    @Test func bracknellForestPaysThePrimeWhatEachSubcontractorEarned() async throws {
        let ledger = try await LedgerFixture.make(contract: ShippedExtracts.contract("bracknell-forest"))
        var files = ShippedExtracts.clients([
            "B001,2,BF-SUB-A,2012-05-01", "B002,4,BF-SUB-B,2012-05-10", "B003,3,BF-SUB-A,2012-06-01", "B004,5,BF-PRIME,2012-05-02",
        ])
        // B002 injects at its start TOP, so its hepatitis B course counts (D4-hepb-course).
        files["top.csv"] = ShippedExtracts.tops([(1, "B002", 2, "2012-05-10", "start", 20, 10, 10)])
        files["events.csv"] = ShippedExtracts.events([
            "1,B001,2012-06-15,work_activity", "2,B002,2012-08-20,hepb_course_complete", "3,B002,2012-09-03,work_activity",
            "4,B003,2012-07-02,work_activity", "5,B004,2012-06-20,work_activity",
        ])
        try await importExtract(try ExtractFolders.write(files), into: ledger.store)
        // The sums a server keeps, read after July and again after September: the new statements are seen.
        let kept = LedgerSums(), admin = Viewer(name: "z", role: .admin)
        try await ledger.issue(through: "2012-07", contract: "bracknell-forest")
        let july = try await LedgerReader(store: ledger.store, viewer: admin, sums: kept).payments("bracknell-forest")
        try await ledger.issue(through: "2012-09", contract: "bracknell-forest")
        let september = try await LedgerReader(store: ledger.store, viewer: admin, sums: kept).payments("bracknell-forest")
        #expect(july.total == pounds("600.00") && september.total == pounds("900.00"))
        let lines = try await ledger.store.statementLines("bracknell-forest")
        // The statement the prime passes on to BF-SUB-B for August: its line alone, with its own totals.
        let passedOn = try await StatementBook(store: ledger.store).period("bracknell-forest", StatementPeriod("2012-08")!,
                                                                           earnedBy: ProviderID("BF-SUB-B"))
        let passedOnInJuly = try await StatementBook(store: ledger.store).period("bracknell-forest", StatementPeriod("2012-07")!,
                                                                                 earnedBy: ProviderID("BF-SUB-B"))
        // Payments to date as the web's overview reads them (the store's grouped sums): a subcontractor sees
        // the lines it earned, all paid to the prime; the admin sees every line, summed as line by line.
        let subcontractor = try await LedgerReader(store: ledger.store, viewer: Viewer(name: "a", role: .provider, providerID: ProviderID("BF-SUB-A")))
            .payments("bracknell-forest")
        let everything = try await LedgerReader(store: ledger.store, viewer: admin).payments("bracknell-forest")
        let lineByLine = PaymentsToDate(try await ledger.store.statementLines("bracknell-forest"))
        try await ledger.store.close()
        #expect(subcontractor.byPayee == [PaymentsToDate.Sum(key: "BF-PRIME", amount: pounds("350.00"), lines: 2)])
        #expect(subcontractor.byMonth.map(\.amount) == [pounds("150.00"), pounds("200.00")])
        #expect(everything == lineByLine && everything == september && everything.total == pounds("900.00"))
        #expect(everything.byOutcome == [PaymentsToDate.Sum(key: "D2-work-activity", amount: pounds("800.00"), lines: 4),
                                    PaymentsToDate.Sum(key: "D4-hepb-course", amount: pounds("100.00"), lines: 1)])
        #expect(passedOn.lines.map(\.amount) == [pounds("100.00")])
        #expect(passedOn.statements.map(\.totals.payable) == [pounds("100.00")])
        #expect(passedOnInJuly.statements.isEmpty && passedOnInJuly.lines.isEmpty)

        // D2-work-activity by band: 2 → 150.00, 3 → 200.00, 4 → 200.00, 5 → 250.00; D4-hepb-course 100.00.
        // Every line is on the prime's statement; earned_by names who earned it. No block: 100% on results.
        #expect(lines.map { "\($0.statementID):\($0.line) \($0.earnedBy?.rawValue ?? "") \($0.clientID?.rawValue ?? "") \($0.outcomeID?.rawValue ?? "") \($0.amount)" } == [
            "bracknell-forest/2012-06/BF-PRIME:1 BF-SUB-A B001 D2-work-activity 150.00",
            "bracknell-forest/2012-06/BF-PRIME:2 BF-PRIME B004 D2-work-activity 250.00",
            "bracknell-forest/2012-07/BF-PRIME:1 BF-SUB-A B003 D2-work-activity 200.00",
            "bracknell-forest/2012-08/BF-PRIME:1 BF-SUB-B B002 D4-hepb-course 100.00",
            "bracknell-forest/2012-09/BF-PRIME:1 BF-SUB-B B002 D2-work-activity 200.00",
        ])
        #expect(lines.allSatisfy { $0.providerID == ProviderID("BF-PRIME") && $0.component == .outcome })
        // Per subcontractor: BF-SUB-A 150.00 + 200.00 = 350.00; BF-SUB-B 100.00 + 200.00 = 300.00; the prime's
        // own client 250.00; all 900.00 paid to BF-PRIME.
        func earned(_ provider: String) -> Money { sum(lines.filter { $0.earnedBy == ProviderID(provider) }) }
        #expect(earned("BF-SUB-A") == pounds("350.00") && earned("BF-SUB-B") == pounds("300.00"))
        #expect(earned("BF-PRIME") == pounds("250.00") && sum(lines) == pounds("900.00"))
    }

    static let oxfordshire = ["oxfordshire-assessment", "oxfordshire-harm-minimisation", "oxfordshire-recovery"]

    /// Oxfordshire's three contracts over one store, issued through `period`. X001, band 3, is treated by
    /// OX-RECOVERY from 2012-05-01: injecting 12 days at its start TOP, none at the reviews of 2012-11-01
    /// and 2013-01-10 (D4-stopped-injecting, achieved 2013-01-10); it still uses opiates and its quality of
    /// life rises by 1 only, so nothing else is achieved. X002 is in treatment at OX-HEALTH and earns nothing.
    func oxfordshire(through period: String) async throws -> (lines: [String: [StatementLine]], store: JournalStore) {
        let ledger = try await LedgerFixture.make(contract: ShippedExtracts.contract(Self.oxfordshire[0]))
        for name in Self.oxfordshire.dropFirst() {
            _ = try await ContractRegistry(store: ledger.store).add(ShippedExtracts.contract(name).path, by: "test")
        }
        var files = ShippedExtracts.clients(["X001,3,OX-RECOVERY,2012-05-01", "X002,2,OX-HEALTH,2012-06-01"])
        files["top.csv"] = ShippedExtracts.tops([
            (1, "X001", 1, "2012-05-01", "start", 20, 12, 10), (2, "X001", 1, "2012-11-01", "review", 5, 0, 10),
            (3, "X001", 1, "2013-01-10", "review", 3, 0, 11),
        ])
        try await importExtract(try ExtractFolders.write(files), into: ledger.store)
        var lines: [String: [StatementLine]] = [:]
        for name in Self.oxfordshire {
            try await ledger.issue(through: period, contract: name)
            lines[name] = try await ledger.store.statementLines(name)
        }
        return (lines, ledger.store)
    }

    @Test func oxfordshiresThreeContractsEachPayTheirOwnBlock() async throws {
        let (lines, store) = try await oxfordshire(through: "2013-03")
        try await store.close()
        func blocks(_ name: String) -> [StatementLine] { lines[name, default: []].filter { $0.component == .block } }
        // LASARS, 25% on results: 480,000.00 × 75% = 360,000.00 a year, 30,000.00 a month, to its prime OX-LASARS.
        let assessment = blocks("oxfordshire-assessment")
        #expect(assessment.map(\.amount) == Array(repeating: pounds("30000.00"), count: 12))
        #expect(assessment.allSatisfy { $0.statementID == "oxfordshire-assessment/\($0.period)/OX-LASARS" })
        // Harm minimisation, 30%: 1,200,000.00 × 70% = 840,000.00 a year, 70,000.00 a month, to OX-HEALTH
        // (its block share), though the journal names two providers.
        let harm = blocks("oxfordshire-harm-minimisation")
        #expect(harm.map(\.amount) == Array(repeating: pounds("70000.00"), count: 12))
        #expect(harm.allSatisfy { $0.statementID == "oxfordshire-harm-minimisation/\($0.period)/OX-HEALTH" })
        #expect(sum(assessment) == pounds("360000.00") && sum(harm) == pounds("840000.00"))
        // Recovery, 100% on results: no block line at all.
        #expect(blocks("oxfordshire-recovery").isEmpty)
    }

    /// Each of Oxfordshire's contracts covers its own providers' episodes (`providers:`): X001's stopping
    /// injecting at OX-RECOVERY (band 3, 250.00 in both files) is paid by the recovery contract alone, not
    /// again by the harm minimisation contract, whose provider is OX-HEALTH.
    @Test func oneClientsResultIsPaidOnceAcrossOxfordshiresContracts() async throws {
        let (lines, store) = try await oxfordshire(through: "2013-01")
        try await store.close()
        let stopped = Self.oxfordshire.flatMap { lines[$0, default: []] }
            .filter { $0.clientID == ClientID("X001") && $0.outcomeID == OutcomeID("D4-stopped-injecting") }
        #expect(lines["oxfordshire-recovery"]?.filter { $0.component == .outcome }.map(\.statementID)
            == ["oxfordshire-recovery/2013-01/OX-RECOVERY"])
        #expect(stopped.map(\.statementID) == ["oxfordshire-recovery/2013-01/OX-RECOVERY"])
        #expect(sum(stopped) == pounds("250.00"))
    }
}
