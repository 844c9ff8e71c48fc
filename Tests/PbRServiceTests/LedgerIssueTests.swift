import Foundation
import PbRCore
import PbRImport
import PbRService
@testable import PbRStore
import PbRTestSupport
import SQLKit
import Testing

/// `pbr statement issue` over a store: the small example's statements month by month, kept and
/// verifiable, and every bad request refused with nothing written.
@Suite("Issuing statements")
struct LedgerIssueTests {
    @Test func theSmallExampleIssuedMonthByMonthHoldsTheHandCheckedLines() async throws {
        let ledger = try await LedgerFixture.smallExample()
        let lines = try await ledger.store.statementLines("national-pilot")
        let periods = try await ledger.store.issuedPeriods("national-pilot")
        try await ledger.store.close()

        let expected = try String(contentsOf: Fixtures.url("small/statements.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(lines.map(LedgerFixture.row) == expected.map(String.init))
        // Every month from the contract's first to 2014-07 is issued, months with nothing due included,
        // each pinned to the import it saw.
        #expect(periods.count == 28)
        #expect(periods.first?.period.description == "2012-04")
        #expect(periods.filter { $0.period <= StatementPeriod("2013-05")! }.allSatisfy { $0.lastImportID == 1 })
        #expect(periods.filter { $0.period >= StatementPeriod("2013-06")! }.allSatisfy { $0.lastImportID == 2 })
        // The claw-back refers to the line it corrects and says why.
        let clawback = try #require(lines.first { $0.kind == .adjustment })
        #expect(clawback.refersTo.map(\.description) == ["national-pilot/2013-02/P01:1"])
        // The cause in the engine's words (batch 2's corrected review leaves no two clean reviews), and the
        // data that changed since the line it corrects.
        #expect(clawback.reason == "no longer owed as of 2013-06-30: D1-abstinent not achieved: no two consecutive reviews far enough apart "
            + "meet the review conditions; the data changed since 2013-02: import #2 (known at 2013-08-06T09:00:00+01:00) replaced top 102")
    }

    @Test func theIssuedLinesSumKeyByKeyToTheLatestRun() async throws {
        let ledger = try await LedgerFixture.smallExample()
        let lines = try await ledger.store.statementLines("national-pilot")
        try await ledger.store.close()

        var sums: [String: Money] = [:]
        for line in lines { sums["\(line.providerID),\(line.clientID!),\(line.outcomeID!),\(line.part!)", default: .zero] += line.amount }
        let rows: [[Substring]] = try String(contentsOf: Fixtures.url("small/entitlements-2016-12-31.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let due = rows.filter { (row: [Substring]) -> Bool in row[9] == "payable" && row[7] <= "2014-07-31" }
        let expected: [String] = due.map { (row: [Substring]) -> String in [row[0], row[2], row[3], row[4], row[8]].joined(separator: ",") }
        #expect(sums.filter { $0.value != .zero }.map { "\($0.key),\($0.value)" }.sorted() == expected.sorted())
    }

    @Test func issuingAnIssuedPeriodAgainChangesNothing() async throws {
        let ledger = try await LedgerFixture.smallExample()
        let before = try await ledger.store.statementLines("national-pilot")
        let again = try await ledger.issue("2013-06")
        let through = try await ledger.issue(through: "2014-07")
        let after = try await ledger.store.statementLines("national-pilot")
        try await ledger.store.close()
        #expect(again.issued.isEmpty && through.issued.isEmpty)
        #expect(after == before)
    }

    @Test func verifyPassesAndThenFindsAnAmountEditedInTheDatabase() async throws {
        let ledger = try await LedgerFixture.smallExample()
        let clean = try await StatementVerify(contractID: "national-pilot").run(on: ledger.store)
        #expect(clean.problems.isEmpty)
        #expect(clean.periods == 28 && clean.lines == 17)

        let sql = ledger.store.database
        try await sql.raw("UPDATE statement_lines SET amount = 50000 WHERE statement_id = 'national-pilot/2012-11/P01' AND line = 1").run()
        let tampered = try await StatementVerify(contractID: "national-pilot").run(on: ledger.store)
        try await ledger.store.close()
        #expect(tampered.problems.count == 1)
        #expect(tampered.problems.first?.hasPrefix("national-pilot/2012-11/P01: its lines differ from a recomputation: stored `") == true)
    }

    @Test func aLateImportWithAnEarlierKnownAtCannotChangeWhatAStatementPinned() async throws {
        let ledger = try await LedgerFixture.make()
        try await ledger.load("small/batch1")
        try await ledger.issue(through: "2013-05")
        // batch 2 arrives later; the statements issued on batch 1 still recompute from import #1 alone.
        try await ledger.load("small/batch2")
        let report = try await StatementVerify(contractID: "national-pilot").run(on: ledger.store)
        try await ledger.store.close()
        #expect(report.problems.isEmpty)
    }

    @Test func aPeriodBeforeTheContractOutOfOrderOrNotYetEndedIsRefusedAndNothingIsWritten() async throws {
        let ledger = try await LedgerFixture.make()
        try await ledger.load("small/batch1")
        let before = await refusal { try await ledger.issue("2012-03") }
        let skipped = await refusal { try await ledger.issue("2012-06") }
        let unknown = await refusal { try await ledger.issue("2012-04", contract: "national-pliot") }
        let future = await refusal { try await ledger.issue(through: "2026-12") }
        let periods = try await ledger.store.issuedPeriods("national-pilot")
        try await ledger.store.close()
        #expect(before == "2012-03 is before national-pilot's first month, 2012-04 (the contract starts on 2012-04-01)")
        #expect(skipped == "2012-06 is out of order: national-pilot's next period to issue is 2012-04 (none issued yet); `--through 2012-06` issues every period up to it")
        #expect(unknown?.hasPrefix("no contract 'national-pliot' in ") == true)
        #expect(unknown?.hasSuffix(": it holds national-pilot; `pbr contract add FILE` registers one") == true)
        #expect(future == "2026-12 has not ended yet (today is 2026-12-01): a month is issued once its last day has passed")
        #expect(periods.isEmpty)
    }

    @Test func aCutOffPinsTheMonthToWhatWasKnownThen() async throws {
        let ledger = try await LedgerFixture.make()
        try await ledger.load("small/batch1")
        try await ledger.load("small/batch2")
        // As the May 2013 statement would have been issued on 5 June 2013: batch 2 is not seen.
        try await ledger.issue(through: "2013-05", knownAt: Moment(iso: "2013-06-05T09:00:00+01:00")!)
        let lines = try await ledger.store.statementLines("national-pilot")
        let periods = try await ledger.store.issuedPeriods("national-pilot")
        try await ledger.store.close()
        let expected = try String(contentsOf: Fixtures.url("small/statements.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .filter { $0 <= "2013-05,~" }
        #expect(lines.map(LedgerFixture.row) == expected.map(String.init))
        #expect(periods.allSatisfy { $0.lastImportID == 1 && $0.knownAt?.text == "2013-06-05T09:00:00+01:00" })
    }
}

extension LedgerIssueTests {
    /// Two issues computed from the same ledger cannot both land: the second is refused whole, so an
    /// issue never writes over what another (or an import's later view) decided.
    @Test func aSecondIssueComputedFromTheSameLedgerIsRefusedAndWritesNothing() async throws {
        let ledger = try await LedgerFixture.make()
        try await ledger.load("small/batch1")
        let period = IssuedPeriod(contractID: "national-pilot", period: StatementPeriod("2012-04")!, contractVersion: 1, knownAt: nil,
                                  lastImportID: 1, issuedAt: "2026-12-01T12:00:00Z", issuedBy: "test", inputsDigest: "x")
        try await ledger.store.record(period, after: nil, statements: [], lines: [])
        let second = await refusal { try await ledger.store.record(period, after: nil, statements: [], lines: []) }
        let periods = try await ledger.store.issuedPeriods("national-pilot")
        try await ledger.store.close()
        #expect(second == "national-pilot's statements were issued up to 2012-04 while these were computed; nothing was written")
        #expect(periods.count == 1)
    }
}

extension LedgerIssueTests {
    @Test func aCutOffOlderThanTheLastStatementsIsWarnedOf() async throws {
        let ledger = try await LedgerFixture.make()
        try await ledger.load("small/batch1")
        try await ledger.load("small/batch2")
        try await ledger.issue(through: "2013-05")
        let older = try await ledger.issue(through: "2013-06", knownAt: Moment(iso: "2013-06-05T09:00:00+01:00")!)
        try await ledger.store.close()
        #expect(older.warnings == ["this issue sees the data to import #1, older than the #2 that 2013-05 saw: lines issued on the newer data may be adjusted back"])
    }
}
