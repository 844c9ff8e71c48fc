import PbRCore
import PbRTestSupport
import Testing

/// A period's statements: a claw-back larger than the month's earnings carried forward and offset
/// later; the block's payees; an amendment that prices from its day and not before.
@Suite("A period's statements")
struct LedgerPeriodTests {
    /// Outcomes only, no block: the shape of the reference framework.
    let contract = Contract(id: "test", name: "test", start: day("2012-04-01"), outcomesUntil: day("2016-03-31"), outcomes: [],
                            finance: Finance(remainder: "none"))

    func owed(_ client: String, _ outcome: String, _ amount: String, on achieved: String) -> Entitlement {
        Entitlement(providerID: ProviderID("P01"), earnedBy: ProviderID("P01"), clientID: ClientID(client), outcomeID: OutcomeID(outcome),
                    part: 1, band: Band(3)!, achievedOn: day(achieved), dueOn: day(achieved), earnsOn: day(achieved),
                    amount: Money(pounds: amount)!, status: .payable, reason: "test")
    }

    func issue(_ period: String, _ run: [Entitlement], _ ledger: inout IssuedLedger,
               _ balances: inout [ProviderID: Money]) throws -> [PeriodStatements.Issued] {
        let issued = try PeriodStatements.compute(versions: ContractVersions([contract]), period: StatementPeriod(period)!, run: run,
                                                  issued: ledger, balances: balances) { [] }
        for item in issued {
            ledger.record(item.statement.lines)
            balances[item.statement.payee] = item.totals.carriedForward
        }
        return issued
    }

    @Test func aClawBackLargerThanTheMonthsEarningsIsCarriedForwardAndOffsetLater() throws {
        var ledger = IssuedLedger(), balances: [ProviderID: Money] = [:]
        _ = try issue("2013-02", [owed("A001", "D1-abstinent", "600.00", on: "2013-02-11")], &ledger, &balances)
        // March: the review is corrected away (-600.00) and 250.00 is earned: 350.00 is carried forward.
        let march = try issue("2013-03", [owed("A002", "D2-work-activity", "250.00", on: "2013-03-05")], &ledger, &balances)
        #expect(march.count == 1)
        let totals = try #require(march.first?.totals)
        #expect([totals.new, totals.adjustments, totals.net, totals.payable, totals.carriedForward]
                    == ["250.00", "-600.00", "-350.00", "0.00", "-350.00"].map { Money(pounds: $0)! })
        // April earns nothing: a statement still carries the balance on.
        let april = try issue("2013-04", [owed("A002", "D2-work-activity", "250.00", on: "2013-03-05")], &ledger, &balances)
        #expect(april.first?.statement.lines.isEmpty == true)
        #expect(april.first?.totals.carriedForward == Money(pounds: "-350.00"))
        // May earns 500.00: 350.00 of it settles the balance and 150.00 is paid.
        let may = try issue("2013-05", [owed("A002", "D2-work-activity", "250.00", on: "2013-03-05"),
                                        owed("A003", "D1-completed", "500.00", on: "2013-05-20")], &ledger, &balances)
        let settled = try #require(may.first?.totals)
        #expect([settled.broughtForward, settled.net, settled.payable, settled.carriedForward]
                    == ["-350.00", "500.00", "150.00", "0.00"].map { Money(pounds: $0)! })
    }

    @Test func theBlockGoesToThePrimeOrByShareWithThePenniesReconciled() throws {
        var withPrime = contract
        withPrime.primeProvider = ProviderID("PRIME")
        let block = Money(pounds: "1000.01")!
        #expect(try BlockPayees.split(block, contract: withPrime, providers: [ProviderID("S1"), ProviderID("S2")]) == [ProviderID("PRIME"): block])
        var shared = contract
        shared.finance.blockShares = [ProviderID("P01"): 6_000, ProviderID("P02"): 4_000]
        let parts = try BlockPayees.split(block, contract: shared, providers: [])
        // 60% of 1000.01 is 600.006, down to 600.00; the last share takes the rest, 400.01.
        #expect(parts == [ProviderID("P01"): Money(pounds: "600.00")!, ProviderID("P02"): Money(pounds: "400.01")!])
        #expect(try BlockPayees.split(block, contract: contract, providers: [ProviderID("P07")]) == [ProviderID("P07"): block])
    }

    @Test func aBlockWithSeveralProvidersAndNoPrimeOrSharesIsRefused() {
        #expect(throws: LedgerRefusal("test pays a block of 1000.01 a month, names no prime provider and no share of the block for each of "
                                      + "its 2 providers (P01, P02): name a prime_provider or finance.block_shares in the contract")) {
            try BlockPayees.split(Money(pounds: "1000.01")!, contract: contract, providers: [ProviderID("P01"), ProviderID("P02")])
        }
    }

    @Test func anAmendmentChangesAPriceFromItsDayAndNotBefore() throws {
        let first = ReferenceFramework.contract()
        var amended = first
        amended.effectiveFrom = day("2012-09-01")
        let index = try #require(amended.outcomes.firstIndex { $0.id == OutcomeID("D2-work-activity") })
        amended.outcomes[index].prices[Band(3)!] = Money(pounds: "260.00")!
        func client(_ id: String, workOn: String) -> ClientBuilder {
            var client = ClientBuilder(id)
            client.assess("2012-05-01", band: 3)
            let episode = client.episode("P01", start: "2012-06-01", end: "2013-06-01", reason: .droppedOut)
            client.top(episode, "2012-06-01", .start, [.opiatesDays: 10])
            client.event(workOn, .workActivity)
            return client
        }
        let versions = ContractVersions([first, amended])
        let report = versions.evaluate([client("B", workOn: "2012-08-31"), client("A", workOn: "2012-09-01")].map(\.history),
                                       asOf: day("2013-12-31"))
        // Achieved the day before the amendment: the first version's 200.00; on its day: 260.00.
        #expect(report.amounts("D2-work-activity", client: "B") == ["200.00 payable"])
        #expect(report.amounts("D2-work-activity", client: "A") == ["260.00 payable"])
        #expect(report.lines.map(\.clientID.rawValue) == report.lines.sorted(by: Entitlement.outputOrder).map(\.clientID.rawValue))
        #expect(versions.number(inForceOn: day("2012-08-31")) == 1 && versions.number(inForceOn: day("2012-09-01")) == 2)
    }
}
