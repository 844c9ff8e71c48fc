import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// ../shared/examples/small's statements, month by month (its README): each month's outcome lines are
/// the difference between that month's run and what earlier months issued.
@Suite("The small worked example's statements")
struct SmallExampleStatementsTests {
    let contract: Contract
    init() throws { contract = try Fixtures.referenceContract() }

    /// Issues every month from `first` to `last` on what the store holds now, as `pbr statement issue` will.
    func issue(_ first: String, _ last: String, from store: JournalStore, into issued: inout IssuedLedger) async throws -> [StatementLine] {
        let histories = try await store.histories(knownAt: nil)
        var lines: [StatementLine] = []
        var period = StatementPeriod(first)!
        while period <= StatementPeriod(last)! {
            let run = EntitlementRun(contract: contract).evaluate(histories, asOf: period.lastDay)
            let drafts = OutcomeLineDraft.drafts(run: run.lines, issued: issued, asOf: period.lastDay)
            for statement in Statement.assemble(contract: contract.id, period: period, blocks: [:], outcomes: drafts) {
                issued.record(statement.lines)
                lines += statement.lines
            }
            period = period.next
        }
        return lines
    }

    func row(_ line: StatementLine) -> String {
        [line.period.description, line.providerID.rawValue, line.clientID?.rawValue ?? "", line.outcomeID?.rawValue ?? "",
         line.part.map(String.init) ?? "", line.kind.rawValue, line.amount.description].joined(separator: ",")
    }

    /// The README's two steps: batch 1, then 2012-04 to 2013-05; batch 2, then 2013-06 to 2014-07.
    func issueTheExample() async throws -> (lines: [StatementLine], issued: IssuedLedger) {
        let (store, _) = try await temporaryStore()
        var issued = IssuedLedger()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        var lines = try await issue("2012-04", "2013-05", from: store, into: &issued)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        lines += try await issue("2013-06", "2014-07", from: store, into: &issued)
        try await store.close()
        return (lines, issued)
    }

    @Test func theMonthlyStatementsHoldTheHandCheckedLines() async throws {
        let (lines, _) = try await issueTheExample()

        let expected = try String(contentsOf: Fixtures.url("small/statements.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(lines.map(row) == expected.map(String.init))
        // The clawback names the line it corrects.
        let clawback = lines.first { $0.kind == .adjustment }
        #expect(clawback?.refersTo.map(\.description) == ["national-pilot/2013-02/P01:1"])
    }

    @Test func theIssuedLinesSumKeyByKeyToTheLatestRun() async throws {
        let (_, issued) = try await issueTheExample()

        let expected = try String(contentsOf: Fixtures.url("small/entitlements-2016-12-31.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .filter { $0[9] == "payable" }
            .map { "\($0[0]),\($0[2]),\($0[3]),\($0[4]),\($0[8])" }
        let summed = issued.all.filter { $0.settled.total != .zero }.sorted { $0.key < $1.key }
            .map { "\($0.key.payee),\($0.key.clientID),\($0.key.outcomeID),\($0.key.part),\($0.settled.total)" }
        #expect(summed == expected)
    }

    @Test func issuingAMonthAgainOnTheSameDataWritesNothing() async throws {
        let (store, _) = try await temporaryStore()
        var issued = IssuedLedger()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        _ = try await issue("2012-04", "2013-05", from: store, into: &issued)
        let again = try await issue("2013-05", "2013-05", from: store, into: &issued)
        try await store.close()
        #expect(again.isEmpty)
    }
}

extension SmallExampleStatementsTests {
    @Test func theExportHasDomainsColumnsAndAnAdjustmentNamesWhatItCorrects() async throws {
        let (store, _) = try await temporaryStore()
        var issued = IssuedLedger()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        var lines = try await issue("2013-02", "2013-02", from: store, into: &issued)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        lines += try await issue("2013-06", "2013-06", from: store, into: &issued)
        try await store.close()
        let rows = StatementCSV.render(lines).split(separator: "\n").map(String.init)
        #expect(rows[0] == "statement_id,line,period,provider_id,earned_by,client_id,component,outcome_id,part,band,achieved_on,due_on,kind,amount,reason,refers_to")
        // June also pays what fell due in the months this test did not issue (A001's D4-wellbeing).
        let june = rows.filter { $0.hasPrefix("national-pilot/2013-06/P01,") && $0.contains(",D1-abstinent,") }
        #expect(june.count == 1)
        #expect(june.first?.hasPrefix("national-pilot/2013-06/P01,1,2013-06,P01,P01,A001,outcome,D1-abstinent,1,4,2013-02-11,2013-02-11,adjustment,-600.00,") == true)
        #expect(june.first?.hasSuffix(",national-pilot/2013-02/P01:1") == true)
    }
}
