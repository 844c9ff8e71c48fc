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
        #expect(names == ["kent", "national-pilot"])
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
}
