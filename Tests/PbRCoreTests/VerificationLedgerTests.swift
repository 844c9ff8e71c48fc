import PbRCore
import PbRTestSupport
import Testing

/// A closed sample on the statements: the period that posts it reverses each line found wrong in full
/// (a `verification` adjustment naming the line, whose key then stays settled at zero though the run
/// still owes it) and takes each provider's extrapolated recovery; the ledger's invariant holds.
@Suite("Verification on the statements")
struct VerificationLedgerTests {
    let contract = Contract(id: "test", name: "test", start: day("2012-04-01"), outcomesUntil: day("2016-03-31"), outcomes: [],
                            finance: Finance(remainder: "none"))

    func owed(_ client: String, _ outcome: String, _ amount: String) -> Entitlement {
        Entitlement(providerID: ProviderID("P01"), earnedBy: ProviderID("P01"), clientID: ClientID(client), outcomeID: OutcomeID(outcome),
                    part: 1, band: Band(3)!, achievedOn: day("2013-06-10"), dueOn: day("2013-06-10"), earnsOn: day("2013-06-10"),
                    amount: Money(amount), status: .payable, reason: "test")
    }

    func issue(_ period: String, _ samples: [VerificationSample], _ ledger: inout IssuedLedger) throws -> [StatementLine] {
        let run = [owed("A001", "D4-hepb-course", "100.00"), owed("A002", "D4-hepb-course", "100.00"), owed("A003", "D2-work-activity", "150.00")]
        let issued = try PeriodStatements.compute(versions: ContractVersions([contract]), period: StatementPeriod(period)!, run: run,
                                                  issued: ledger, balances: [:],
                                                  verification: VerificationSample.effects(samples, on: StatementPeriod(period)!)) { [] }
        for item in issued { ledger.record(item.statement.lines) }
        return issued.flatMap(\.statement.lines)
    }

    @Test func thePostingPeriodReversesTheWrongLineAndRecoversTheExtrapolatedErrorAndTheKeyStaysAtZero() throws {
        var ledger = IssuedLedger()
        let juneLines = try issue("2013-06", [], &ledger)
        #expect(juneLines.map { "\($0.line) \($0.clientID!) \($0.amount)" } == ["1 A001 100.00", "2 A002 100.00", "3 A003 150.00"])

        // June's sample took A001's line (not confirmed) and A003's (confirmed): £100.00 of £250.00 wrong
        // (40.00%), × the £100.00 not sampled (A002) = £40.00.
        var sample = try #require(VerificationSample.draw(contractID: "test", period: StatementPeriod("2013-06")!, seed: 7,
                                                          rateBasisPoints: 5_000, lines: juneLines, earlier: []))
        // At 50% each stratum takes 1 line: A003's work line, and of the two hepatitis B lines the one
        // with the smaller key under seed 7, A001's (worked outside Swift).
        #expect(sample.lines.map(\.clientID.rawValue) == ["A001", "A003"])
        sample.lines[0].finding = .notConfirmed(reason: "no record of the course")
        sample.lines[1].finding = .confirmed
        let closed = sample.closed(postedIn: StatementPeriod("2013-07")!)
        #expect(closed.providers.map(\.recovery) == [Money("40.00")])

        let july = try issue("2013-07", [closed], &ledger)
        #expect(july.map { [$0.line.description, $0.component.rawValue, $0.kind.rawValue, $0.earnedBy?.rawValue ?? "", $0.clientID?.rawValue ?? "",
                            $0.outcomeID?.rawValue ?? "", $0.part.map(String.init) ?? "", $0.amount.description,
                            $0.refersTo.map(\.description).joined(separator: " ")].joined(separator: ",") }
                    == ["1,verification,adjustment,P01,A001,D4-hepb-course,1,-100.00,test/2013-06/P01:1",
                        "2,verification,adjustment,P01,,,,-40.00,"])
        #expect(july[0].reason == "not confirmed by the verification of 2013-06: no record of the course")
        #expect(july[1].reason == "verification of 2013-06 (seed 7), P01: 1 of 2 sampled lines not confirmed (50.00%, 95% CI 9.45% to 90.55%); "
            + "£100.00 of £250.00 by value (40.00%) × £100.00 unsampled = £40.00")

        // August: the run still owes A001's line, but the key stays settled at zero; the recovery is not posted again.
        let august = try issue("2013-08", [closed], &ledger)
        #expect(august.isEmpty)
        let a001 = LedgerKey(payee: ProviderID("P01"), clientID: ClientID("A001"), outcomeID: OutcomeID("D4-hepb-course"), part: 1)
        #expect(ledger[a001]?.total == .zero)
        #expect(ledger.all.map(\.settled.total).reduce(.zero, +) == Money("250.00"), "A002 and A003 stand; the recovery settles no key")
    }

    @Test func aDisputesOverrideKeepsTheKeysOwnComponentAndOnlyAFindingMakesAVerificationLine() {
        // An upheld dispute of an attachment fee: its adjustment is an attachment line, as before verification.
        let key = LedgerKey.attachment(payee: ProviderID("P01"), clientID: ClientID("A001"), journeyStart: day("2013-06-03"))
        let fee = OutcomeLineDraft.Owed(key: key, earnedBy: ProviderID("P01"), band: Band(2)!, achievedOn: day("2013-06-03"),
                                        dueOn: day("2013-06-03"), amount: Money("250.00"), reason: "attachment fee")
        let paid = StatementLine(statementID: "test/2013-06/P01", line: 1, period: StatementPeriod("2013-06")!, providerID: ProviderID("P01"),
                                 earnedBy: ProviderID("P01"), clientID: ClientID("A001"), component: .attachment, band: Band(2),
                                 achievedOn: day("2013-06-03"), dueOn: day("2013-06-03"), kind: .new, amount: Money("250.00"), reason: "fee")
        let drafts = OutcomeLineDraft.drafts(run: [], attachments: [fee], issued: IssuedLedger([paid]), asOf: day("2013-07-31"),
                                             overrides: [key: .init(amount: .zero, reason: "dispute upheld")])
        #expect(drafts.map { "\($0.component) \($0.kind) \($0.amount)" } == ["attachment adjustment -250.00"])
    }
}
