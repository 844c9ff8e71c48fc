import PbRCore
import PbRTestSupport
import Testing

/// Caps on statements: a yearly cap crossed mid-month, its headroom, a correction that moves the cap
/// from one client to another, and a cap per client.
@Suite("Caps on statements")
struct CapStatementTests {
    let reference: Contract
    init() { reference = ReferenceFramework.contract() }

    /// D2-work-activity (band 3: 200.00) for a client in treatment from 2012-06-01.
    func worker(_ id: String, work: String) -> ClientBuilder {
        var client = ClientBuilder(id)
        client.assess("2012-05-01", band: 3)
        client.episode("P01", start: "2012-06-01")
        client.event(work, .workActivity)
        return client
    }

    func issue(_ contract: Contract, _ period: String, _ clients: [ClientBuilder], _ ledger: inout IssuedLedger) throws -> [StatementLine] {
        let asOf = StatementPeriod(period)!.lastDay
        let run = EntitlementRun(contract: contract).evaluate(clients.map(\.history), asOf: asOf)
        let lines = try PeriodStatements.compute(versions: ContractVersions([contract]), period: StatementPeriod(period)!, run: run.lines,
                                                 issued: ledger, balances: [:]) { [] }.flatMap(\.statement.lines)
        ledger.record(lines)
        return lines
    }

    @Test func aYearlyCapCrossedMidMonthCutsTheLineThatCrossesItAndMovesWhenDataIsCorrected() throws {
        var contract = reference
        contract.caps = [Cap(outcome: OutcomeID("D2-work-activity"), perYear: Money(pounds: "350.00")!)]
        var ledger = IssuedLedger()
        let september = try issue(contract, "2012-09", [worker("C1", work: "2012-09-03"), worker("C2", work: "2012-09-20")], &ledger)
        // C1 is paid 200.00; C2's 200.00 crosses the cap and is cut to the 150.00 left.
        #expect(september.map { "\($0.clientID!) \($0.amount)" } == ["C1 200.00", "C2 150.00"])
        #expect(september.last?.reason.hasPrefix("cap reached (200.00 cut to 150.00)") == true)
        let run = EntitlementRun(contract: contract).evaluate([worker("C1", work: "2012-09-03"), worker("C2", work: "2012-09-20")].map(\.history),
                                                              asOf: day("2012-09-30"))
        #expect(CapHeadroom.of(contract, run: run.lines, on: day("2012-09-30")).map(\.description)
                    == ["D2-work-activity 2012/13: £350.00 of £350.00 used, £0.00 left"])
        // Late data moves C1's work to 2012-10-05: C2 comes first and is paid in full; C1 takes the 150.00 left.
        let october = try issue(contract, "2012-10", [worker("C1", work: "2012-10-05"), worker("C2", work: "2012-09-20")], &ledger)
        #expect(october.map { "\($0.clientID!) \($0.kind.rawValue) \($0.amount)" } == ["C1 adjustment -50.00", "C2 adjustment 50.00"])
        #expect(october.first?.reason.hasPrefix("achieved on 2012-10-05, not 2012-09-03; cut by a cap") == true)
    }

    @Test func aCapPerClientLimitsWhatOneClientEarnsOverTheContract() throws {
        var contract = reference
        contract.caps = [Cap(outcome: nil, perClient: Money(pounds: "250.00")!)]
        var client = worker("C1", work: "2012-09-03")
        client.event("2013-10-01", .hepbCourseComplete)
        client.top(client.history.episodes[0].recordID, "2012-06-01", .start, [.injectedDays: 3])
        let report = EntitlementRun(contract: contract).evaluate([client.history, worker("C2", work: "2012-09-04").history],
                                                                 asOf: day("2014-01-01"))
        // C1: 200.00 for work, then 50.00 of the 100.00 hepatitis B course (a later contract year does not reset it);
        // C2 has a cap of its own.
        #expect(report.amounts("D2-work-activity") == ["200.00 payable", "200.00 payable"])
        #expect(report.amounts("D4-hepb-course") == ["50.00 capped"])
    }
}
