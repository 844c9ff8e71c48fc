import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// The shipped Peterborough-style contract on a store: a cohort's line on the prime's statement once its
/// data lag has passed, adjusted when late police data lowers its rate, the pooled outcome paid net of it,
/// every statement recomputed byte for byte, and the cohort explained. Every figure is worked by hand.
@Suite("Cohort statements")
struct CohortStatementTests {
    /// Ten offenders (each with an offence on the 10th of the month before their start) start in 2012/13
    /// at P01 and P02; Q003, Q006 and Q009 offend again within 12 months of their start.
    static func extract() -> [String: String] {
        let starts = ["2012-04-10", "2012-05-01", "2012-06-01", "2012-07-15", "2012-08-01", "2012-09-03", "2012-10-01",
                      "2012-11-05", "2013-01-07", "2013-03-04"]
        var files = ShippedExtracts.clients(starts.enumerated().map { index, start in
            "Q\(String(format: "%03d", index + 1)),3,\(index.isMultiple(of: 2) ? "P01" : "P02"),\(start)"
        })
        var offences = ["record_id,client_id,offence_on,proven_on,trigger,category"]
        for (index, start) in starts.enumerated() {
            let before = Day(iso: start)!.adding(months: -1).civil
            offences.append("\(index + 1),Q\(String(format: "%03d", index + 1)),\(before.year)-\(String(format: "%02d", before.month))-10,,Y,theft")
        }
        for (record, client, on) in [(11, "Q003", "2012-12-01"), (12, "Q006", "2012-12-01"), (13, "Q009", "2013-06-01")] {
            offences.append("\(record),\(client),\(on),,Y,theft")
        }
        files["offences.csv"] = offences.joined(separator: "\n") + "\n"
        return files
    }

    @Test func aCohortIsPaidOnceItsLagHasPassedAdjustedByLatePoliceDataAndThePoolPaysOnlyWhatItAdds() async throws {
        let ledger = try await LedgerFixture.make(contract: ShippedExtracts.contract("peterborough"))
        try await importExtract(try ExtractFolders.write(Self.extract()), into: ledger.store)
        // 2012/13's cohort closes on 2014-03-31 (its last start day + 12 months) and is due 10 months later.
        try await ledger.issue(through: "2014-12", contract: "peterborough")
        #expect(try await ledger.store.statementLines("peterborough").isEmpty)
        // 7 of 10 with no offence = 70.00% against the comparison's 52.00%: 18 points. The threshold is 10%
        // fewer failing than the comparison's 48%: 4.8 points; met, so all 18 are paid × 100,000.00 =
        // 1,800,000.00, capped at the cohort's 1,500,000.00.
        try await ledger.issue(through: "2015-01", contract: "peterborough")
        let january = try await ledger.store.statementLines("peterborough")
        #expect(january.map(LedgerFixture.row) == ["2015-01,PB-ONE,,C1-cohort-no-reconviction,1,new,1500000.00"])
        #expect(january[0].component == .cohort && january[0].earnedBy == ProviderID("PB-ONE") && january[0].band == nil)
        #expect(january[0].achievedOn == Day(iso: "2014-03-31") && january[0].dueOn == Day(iso: "2015-01-31"))

        // Late police data: Q002 (started 2012-05-01) offended on 2013-05-01, the window's last day. 6 of 10
        // = 60.00%: 8 points × 100,000.00 = 800,000.00, under the cap, so 700,000.00 comes back.
        let late = "record_id,client_id,offence_on,proven_on,trigger,category\n14,Q002,2013-05-01,2013-09-01,Y,theft\n"
        try await importExtract(try ExtractFolders.write(["offences.csv": late], knownAt: "2015-02-10T09:00:00Z"), into: ledger.store)
        try await ledger.issue(through: "2015-02", contract: "peterborough")
        let february = try await ledger.store.statementLines("peterborough", period: StatementPeriod("2015-02")!)
        #expect(february.map(LedgerFixture.row) == ["2015-02,PB-ONE,,C1-cohort-no-reconviction,1,adjustment,-700000.00"])
        #expect(february[0].refersTo.map(\.description) == ["peterborough/2015-01/PB-ONE:1"])
        #expect(february[0].reason.hasPrefix("the amount owed is now 800000.00 (cohort 2012/13 (journeys started 2012-04-01 to "
                                             + "2013-03-31): 6 of 10 passed no_proven_offence within 12 months; 60.00% against 52.00%"))

        // The pool (every journey to 2015-03-31) is due 2017-01-31: 6 of 10 against 52.50% is 7.5 points;
        // 7.5% fewer failing than 47.50% is 3.5625 points, met; 7.5 × 300,000.00 = 2,250,000.00, less the
        // 800,000.00 its cohorts were paid: 1,450,000.00. The later cohorts have no member and pay nothing.
        try await ledger.issue(through: "2017-01", contract: "peterborough")
        let pool = try await ledger.store.statementLines("peterborough", period: StatementPeriod("2017-01")!)
        #expect(pool.map(LedgerFixture.row) == ["2017-01,PB-ONE,,C2-all-cohorts-no-reconviction,1,new,1450000.00"])
        #expect(pool[0].reason.contains("7.50 points, threshold 3.56, 7.50 points paid × 300000.00 = 2250000.00, less 800000.00 paid by "
                                        + "C1-cohort-no-reconviction = 1450000.00"))
        // A cohort outcome's lines are outcome lines in the statements' totals: new, then an adjustment whose
        // claw-back is carried forward (a statement a month shows the balance) until the pool offsets it.
        let totals = try await ledger.store.statements("peterborough").sorted { $0.number < $1.number }.map(\.totals)
        #expect(totals.count == 25 && totals[2..<24].allSatisfy { $0.net == .zero && $0.carriedForward == Money(pounds: "-700000.00")! })
        #expect([totals[0], totals[1], totals[24]].map { "\($0.new) \($0.adjustments) \($0.payable) \($0.carriedForward)" }
                    == ["1500000.00 0.00 1500000.00 0.00", "0.00 -700000.00 0.00 -700000.00", "1450000.00 0.00 750000.00 0.00"])
        // The invariant: every key's lines add up to what the latest run owes; each statement recomputes.
        let all = try await ledger.store.statementLines("peterborough")
        #expect(all.reduce(Money.zero) { $0 + $1.amount } == Money(pounds: "2250000.00")!)
        let verified = try await StatementVerify(contractID: "peterborough").run(on: ledger.store)
        #expect(verified.problems.isEmpty && verified.lines == 3)

        // The explanation: the cohort, its members and the arithmetic, on the data the store holds now.
        let explained = try await CohortExplanation(contractID: "peterborough", outcomeID: OutcomeID("C1-cohort-no-reconviction"),
                                                    cohort: "2012/13", asOf: Day(iso: "2017-01-31")!).run(on: ledger.store)
        try await ledger.store.close()
        let cohort = try #require(explained.cohorts.first)
        #expect(explained.cohorts.count == 1 && cohort.result.counted == 10 && cohort.result.passed == 6)
        #expect(cohort.result.members.filter { $0.result == .failed }.map { "\($0.clientID) \($0.evidence)" }
                    == ["Q002 offence 14 on 2013-05-01", "Q003 offence 11 on 2012-12-01", "Q006 offence 12 on 2012-12-01",
                        "Q009 offence 13 on 2013-06-01"])
        #expect(cohort.issued.map(\.amount) == [Money(pounds: "1500000.00")!, Money(pounds: "-700000.00")!])
    }

    @Test func explainingAnOutcomeThatIsNotACohortOutcomeNamesTheCohortOutcomes() async throws {
        let ledger = try await LedgerFixture.make(contract: ShippedExtracts.contract("peterborough"))
        await #expect(throws: Refusal.self) {
            try await CohortExplanation(contractID: "peterborough", outcomeID: OutcomeID("D1-completed"), asOf: Day(iso: "2016-01-31")!)
                .run(on: ledger.store)
        }
        do {
            _ = try await CohortExplanation(contractID: "peterborough", outcomeID: OutcomeID("C1-cohort-no-reconviction"),
                                            cohort: "2019/20", asOf: Day(iso: "2016-01-31")!).run(on: ledger.store)
            Issue.record("a cohort that does not exist was explained")
        } catch let refusal as Refusal {
            #expect(refusal.description == "C1-cohort-no-reconviction has no cohort '2019/20'; its cohorts are 1 (2012/13), 2 (2013/14), "
                        + "3 (2014/15)")
        }
        try await ledger.store.close()
    }
}
