import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// Contracts in the store: a first version, the same file again, amendments from a day, and the
/// mistakes refused before anything is written.
@Suite("Contracts in the store")
struct ContractRegistryTests {
    /// The reference contract with `edit` applied to its text, written to a file of its own.
    func variant(_ edit: (String) -> String) throws -> String {
        let text = try String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8)
        let file = try Fixtures.temporaryFolder().appendingPathComponent("contract.yaml")
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// D2-work-activity's band 1 price raised from 150.00 to 180.00, from `day`.
    func amendment(from day: String) throws -> String {
        try variant {
            $0.replacingOccurrences(of: "prices: {1: 150.00, 2: 150.00, 3: 200.00, 4: 200.00, 5: 250.00}",
                                    with: "prices: {1: 180.00, 2: 150.00, 3: 200.00, 4: 200.00, 5: 250.00}")
                .replacingOccurrences(of: "start: 2012-04-01\n", with: "start: 2012-04-01\neffective_from: \(day)\n")
        }
    }

    @Test func theSameFileTwiceIsOneVersionAndAnAmendmentIsTheNext() async throws {
        let ledger = try await LedgerFixture.make()
        let registry = ContractRegistry(store: ledger.store)
        let again = try await registry.add(Fixtures.referenceContractURL.path, by: "test")
        let amended = try await registry.add(try amendment(from: "2012-12-01"), by: "test")
        let versions = try await ledger.store.contractVersions("national-pilot")
        try await ledger.store.close()
        #expect(again.alreadyRegistered && again.version.version == 1)
        #expect(!amended.alreadyRegistered && amended.version.version == 2)
        #expect(versions.map(\.effectiveFrom.description) == ["2012-04-01", "2012-12-01"])
        #expect(versions[1].body.contains("effective_from: 2012-12-01"))
    }

    @Test func anAmendmentPricesFromItsDayAndEachStatementPinsTheVersionItUsed() async throws {
        let ledger = try await LedgerFixture.make()
        try await ledger.load("small/batch1")
        try await ledger.issue(through: "2012-11")
        _ = try await ContractRegistry(store: ledger.store).add(try amendment(from: "2012-12-01"), by: "test")
        try await ledger.issue(through: "2013-05")
        let lines = try await ledger.store.statementLines("national-pilot")
        let periods = try await ledger.store.issuedPeriods("national-pilot")
        let verified = try await StatementVerify(contractID: "national-pilot").run(on: ledger.store)
        try await ledger.store.close()
        // A004's volunteering on 2012-12-05 is band 1: the amendment's 180.00, not 150.00. A001's hepatitis B
        // course, paid in November under version 1, is not touched.
        #expect(lines.first { $0.clientID == ClientID("A004") }?.amount == Money(pounds: "180.00"))
        #expect(lines.first { $0.clientID == ClientID("A001") }.map(LedgerFixture.row) == "2012-11,P01,A001,D4-hepb-course,1,new,100.00")
        #expect(periods.first { $0.period == StatementPeriod("2012-11")! }?.contractVersion == 1)
        #expect(periods.first { $0.period == StatementPeriod("2012-12")! }?.contractVersion == 2)
        #expect(verified.problems.isEmpty)
    }

    @Test func mistakesAreRefusedAndNothingIsAdded() async throws {
        let ledger = try await LedgerFixture.make()
        let registry = ContractRegistry(store: ledger.store)
        let noDay = await refusal { try await registry.add(try variant { $0.replacingOccurrences(of: "150.00, 2: 150.00", with: "160.00, 2: 150.00") }, by: "t") }
        let sameDay = await refusal { try await registry.add(try amendment(from: "2012-04-01"), by: "t") }
        let typo = await refusal { try await registry.add(try variant { $0.replacingOccurrences(of: "min_gap: 28 days", with: "min_gap: 28 dayz") }, by: "t") }
        let versions = try await ledger.store.contractVersions()
        try await ledger.store.close()
        #expect(noDay?.hasSuffix("national-pilot is in the store already (version 1); an amendment names the day it takes effect from, e.g. effective_from: 2012-05-01") == true)
        #expect(sameDay?.hasSuffix("): an amendment takes effect after the contract's start (2012-04-01); a first version names no effective_from") == true)
        #expect(typo?.contains("min_gap") == true)
        #expect(versions.count == 1)
    }

    @Test func aFirstVersionNamesNoEffectiveDay() async throws {
        let (store, _) = try await temporaryStore()
        let message = await refusal { try await ContractRegistry(store: store).add(try amendment(from: "2013-01-01"), by: "t") }
        try await store.close()
        #expect(message?.hasSuffix("national-pilot is not in the store yet; its first version names no effective_from") == true)
    }
}
