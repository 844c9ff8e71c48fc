import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// Disputes: P01 disputes June 2013's claw-back of A001's D1-abstinent (-600.00). July holds it back;
/// August either reverses it (upheld) or releases the hold (rejected). Nothing issued is edited.
@Suite("Disputes")
struct LedgerDisputeTests {
    static let clawback = "national-pilot/2013-06/P01:1"

    func disputedJune() async throws -> LedgerFixture {
        let ledger = try await LedgerFixture.make()
        try await ledger.load("small/batch1")
        try await ledger.issue(through: "2013-05")
        try await ledger.load("small/batch2")
        try await ledger.issue(through: "2013-06")
        _ = try await StatementDisputes(store: ledger.store, clock: LedgerFixture.clock)
            .raise(contractID: "national-pilot", line: Self.clawback, reason: "the corrected review is the provider's error", by: "P01")
        return ledger
    }

    func totals(_ store: JournalStore, _ period: String) async throws -> StatementTotals? {
        try await store.statements("national-pilot", period: StatementPeriod(period)!).first { $0.payee == ProviderID("P01") }?.totals
    }

    @Test func theDisputedClawBackIsHeldBackAndAnUpheldDisputeReversesIt() async throws {
        let ledger = try await disputedJune()
        try await ledger.issue(through: "2013-07")
        // July: -600.00 brought forward, nothing earned, the claw-back held back (+600.00): 0.00 paid, nothing carried.
        let july = try #require(try await totals(ledger.store, "2013-07"))
        #expect([july.broughtForward, july.net, july.held, july.payable, july.carriedForward] == ["-600.00", "0.00", "600.00", "0.00", "0.00"].map { Money(pounds: $0)! })
        _ = try await StatementDisputes(store: ledger.store, clock: LedgerFixture.clock)
            .resolve(contractID: "national-pilot", line: Self.clawback, uphold: true, note: "review re-sent in error", by: "commissioner")
        try await ledger.issue(through: "2013-08")
        let august = try await ledger.store.statementLines("national-pilot", period: StatementPeriod("2013-08")!)
        let augustTotals = try #require(try await totals(ledger.store, "2013-08"))
        let verified = try await StatementVerify(contractID: "national-pilot").run(on: ledger.store)
        try await ledger.store.close()
        // August: A001's D1-completed part 1 (500.00) and the claw-back reversed (+600.00); the hold released (-600.00): 500.00 paid.
        #expect(august.map(LedgerFixture.row) == ["2013-08,P01,A001,D1-abstinent,1,adjustment,600.00", "2013-08,P01,A001,D1-completed,1,new,500.00"])
        #expect(august.first?.reason.hasSuffix("(dispute of national-pilot/2013-06/P01:1 upheld: review re-sent in error)") == true)
        #expect([augustTotals.net, augustTotals.held, augustTotals.payable, augustTotals.carriedForward] == ["1100.00", "-600.00", "500.00", "0.00"].map { Money(pounds: $0)! })
        #expect(verified.problems.isEmpty)
    }

    @Test func aRejectedDisputeReleasesTheHoldAndTheClawBackStands() async throws {
        let ledger = try await disputedJune()
        try await ledger.issue(through: "2013-07")
        _ = try await StatementDisputes(store: ledger.store, clock: LedgerFixture.clock)
            .resolve(contractID: "national-pilot", line: Self.clawback, uphold: false, note: "batch 2 is right", by: "commissioner")
        try await ledger.issue(through: "2013-08")
        let august = try await ledger.store.statementLines("national-pilot", period: StatementPeriod("2013-08")!)
        let totals = try #require(try await totals(ledger.store, "2013-08"))
        try await ledger.store.close()
        // August earns 500.00; the 600.00 released back against it leaves -100.00 carried forward, as with no dispute.
        #expect(august.map(LedgerFixture.row) == ["2013-08,P01,A001,D1-completed,1,new,500.00"])
        #expect([totals.net, totals.held, totals.payable, totals.carriedForward] == ["500.00", "-600.00", "0.00", "-100.00"].map { Money(pounds: $0)! })
    }

    @Test func aLineDisputedTwiceABlockLineAndAnUnknownLineAreRefused() async throws {
        let ledger = try await disputedJune()
        let disputes = StatementDisputes(store: ledger.store, clock: LedgerFixture.clock)
        let twice = await refusal { try await disputes.raise(contractID: "national-pilot", line: Self.clawback, reason: "again", by: "P01") }
        let unknown = await refusal { try await disputes.raise(contractID: "national-pilot", line: "national-pilot/2013-06/P01:9", reason: "x", by: "P01") }
        let notALine = await refusal { try await disputes.raise(contractID: "national-pilot", line: "2013-06", reason: "x", by: "P01") }
        let held = try await ledger.store.disputes("national-pilot")
        try await ledger.store.close()
        #expect(twice == "national-pilot/2013-06/P01:1 is disputed already; `pbr statement resolve` settles it")
        #expect(unknown == "no line national-pilot/2013-06/P01:9 in national-pilot's statements")
        #expect(notALine == "'2013-06' is not a line: write STATEMENT_ID:LINE, e.g. national-pilot/2013-06/P01:1")
        #expect(held.map { "\($0.line) \($0.amount) \($0.heldFrom) \($0.resolution.rawValue)" } == ["national-pilot/2013-06/P01:1 -600.00 2013-07 open"])
    }
}
