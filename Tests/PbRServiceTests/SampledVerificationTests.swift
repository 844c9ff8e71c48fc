import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// Sampled verification on a store: November 2012 pays P01 ten hepatitis B courses (£100.00 each, lines
/// 1-10) and five work activities (band 3, £200.00, lines 11-15), and P02 four hepatitis B courses. A 20%
/// sample with seed 7 takes 2 + 1 of P01's lines and 1 of P02's; one of P01's hepatitis B lines is not
/// confirmed. December reverses it (-£100.00) and recovers £100.00 of £400.00 (25%) × the £1,600.00 P01
/// was paid on lines not sampled = £400.00. The key stays at zero; `statement verify` recomputes it all.
@Suite("Sampled verification")
struct SampledVerificationTests {
    static let contract = "national-pilot"
    static let november = StatementPeriod("2012-11")!

    /// The extract: every client assessed in band 3 and in treatment from 2012-05-01.
    static func extract() throws -> URL {
        let hepb = (1...10).map { ("H\(pad($0))", "P01") } + (1...4).map { ("Q\(pad($0))", "P02") }
        let work = (1...5).map { ("W\(pad($0))", "P01") }
        let clients = hepb + work
        let topHeader = "record_id,client_id,episode_id,on,stage,alcohol_days,opiates_days,crack_days,cocaine_days,amphetamines_days,"
            + "cannabis_days,other_days,alcohol_units,injected_days,shared_equipment,shoplifting_days,selling_days,theft_vehicle,"
            + "other_theft,fraud,violence,psychological,physical,quality_of_life,paid_work_days,education_days,acute_housing,eviction_risk"
        return try ExtractFolders.write([
            "clients.csv": "client_id,sex,birth_year\n" + clients.map { "\($0.0),M,1980\n" }.joined(),
            "assessments.csv": "record_id,client_id,assessed_on,band,assessor,reason\n"
                + clients.map { "a\($0.0),\($0.0),2012-04-20,3,LASAR,initial\n" }.joined(),
            "episodes.csv": "record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"
                + clients.map { "e\($0.0),\($0.0),\($0.1),2012-04-25,2012-05-01,,,opiates,,,self\n" }.joined(),
            // A baseline that shows injecting makes the hepatitis B course payable.
            "top.csv": topHeader + "\n" + hepb.map { "t\($0.0),\($0.0),e\($0.0),2012-05-01,start,,,,,,,,,5,,,,,,,,,,,,,,\n" }.joined(),
            "events.csv": "record_id,client_id,on,kind,detail\n" + hepb.map { "v\($0.0),\($0.0),2012-11-10,hepb_course_complete,\n" }.joined()
                + work.map { "v\($0.0),\($0.0),2012-11-12,work_activity,\n" }.joined(),
        ], knownAt: "2012-12-05T09:00:00Z")
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func issuedNovember() async throws -> (LedgerFixture, SampledVerification) {
        let ledger = try await LedgerFixture.make()
        try await importExtract(try Self.extract(), into: ledger.store)
        try await ledger.issue(through: "2012-11")
        return (ledger, SampledVerification(store: ledger.store, clock: LedgerFixture.clock))
    }

    func record(_ verification: SampledVerification, _ line: String, _ finding: VerificationSample.Finding) async throws {
        _ = try await verification.record(contractID: Self.contract, period: Self.november, line: "\(Self.contract)/2012-11/\(line)",
                                          finding: finding, by: "assessor")
    }

    @Test func aClosedSampleIsReversedAndExtrapolatedOnTheNextStatementAndVerifyRecomputesIt() async throws {
        let (ledger, verification) = try await issuedNovember()
        let november = try await ledger.store.statementLines(Self.contract, period: Self.november)
        #expect(november.count == 19)
        let (sample, drawnNow) = try await verification.sample(contractID: Self.contract, period: Self.november, rateBasisPoints: 2_000,
                                                                seed: 7, by: "auditor")
        // Worked outside Swift (SampleDraw's keys): seed 7 takes P01's lines 3 and 9 (H03, H09) of the
        // ten, line 12 (W02) of the five, and P02's line 2 (Q02).
        #expect(drawnNow)
        #expect(sample.lines.map { "\($0.reference) \($0.clientID) \($0.amount)" } == [
            "national-pilot/2012-11/P01:3 H03 100.00", "national-pilot/2012-11/P01:9 H09 100.00",
            "national-pilot/2012-11/P01:12 W02 200.00", "national-pilot/2012-11/P02:2 Q02 100.00"])
        #expect(sample.providers.map { "\($0.provider) \($0.status) \($0.paidLines) \($0.paidValue)" } == ["P01 green 15 2000.00", "P02 green 4 400.00"])

        try await record(verification, "P01:3", .confirmed)
        try await record(verification, "P01:9", .confirmed)
        try await record(verification, "P01:9", .notConfirmed(reason: "no record of the third dose"))   // a later finding replaces one
        try await record(verification, "P01:12", .confirmed)
        try await record(verification, "P02:2", .confirmed)
        let closed = try await verification.close(contractID: Self.contract, period: Self.november, by: "auditor")
        #expect(closed.postedIn == StatementPeriod("2012-12"))
        #expect(closed.providers.map(\.recovery) == [Money("400.00"), .zero])

        try await ledger.issue(through: "2013-01")
        let december = try await ledger.store.statementLines(Self.contract, period: StatementPeriod("2012-12")!)
        let lines = try await ledger.store.statementLines(Self.contract)
        let run = try await EntitlementsJob.stored(Self.contract, in: ledger.store, asOf: day("2013-01-31"), knownAt: nil)
            .run(on: ledger.store, command: "test")
        let verified = try await StatementVerify(contractID: Self.contract).run(on: ledger.store)
        let stored = try await ledger.store.statements(Self.contract, period: StatementPeriod("2012-12")!)
        try await ledger.store.close()

        #expect(december.map { [$0.statementID, String($0.line), $0.component.rawValue, $0.kind.rawValue, $0.earnedBy?.rawValue ?? "",
                                $0.clientID?.rawValue ?? "", $0.outcomeID?.rawValue ?? "", $0.amount.description,
                                $0.refersTo.map(\.description).joined(separator: " ")].joined(separator: ",") } == [
            "national-pilot/2012-12/P01,1,verification,adjustment,P01,H09,D4-hepb-course,-100.00,national-pilot/2012-11/P01:9",
            "national-pilot/2012-12/P01,2,verification,adjustment,P01,,,-400.00,"])
        #expect(december.first?.reason == "not confirmed by the verification of 2012-11: no record of the third dose")
        #expect(december.last?.reason == "verification of 2012-11 (seed 7), P01: 1 of 3 sampled lines not confirmed (33.33%, 95% CI 6.15% to 79.23%); "
            + "£100.00 of £400.00 by value (25.00%) × £1,600.00 unsampled = £400.00")
        #expect(stored.map { "\($0.totals.net) \($0.totals.payable) \($0.totals.carriedForward)" } == ["-500.00 0.00 -500.00"])
        #expect(verified.problems.isEmpty, "\(verified.problems)")

        // The invariant: every key's issued lines add up to the latest run's amount, or to zero for the
        // key found wrong (the run still owes it); the recovery settles no key.
        var issued: [LedgerKey: Money] = [:]
        for line in lines { if let key = line.key { issued[key, default: .zero] += line.amount } }
        var owed: [LedgerKey: Money] = [:]
        for line in run.report.lines where line.status != .pending { owed[OutcomeLineDraft.Owed(line).key] = line.amount }
        let h09 = LedgerKey(payee: ProviderID("P01"), clientID: ClientID("H09"), outcomeID: OutcomeID("D4-hepb-course"), part: 1)
        #expect(owed[h09] == Money("100.00"))
        owed[h09] = .zero
        #expect(issued == owed)
    }

    @Test func theSameRateAndSeedGiveBackTheSampleAndAnotherSeedIsRefused() async throws {
        let (ledger, verification) = try await issuedNovember()
        let first = try await verification.sample(contractID: Self.contract, period: Self.november, rateBasisPoints: 2_000, seed: 7, by: "a")
        let again = try await verification.sample(contractID: Self.contract, period: Self.november, rateBasisPoints: 2_000, seed: 7, by: "a")
        let other = await refusal { try await verification.sample(contractID: Self.contract, period: Self.november, rateBasisPoints: 2_000,
                                                                  seed: 8, by: "a") }
        let notIssued = await refusal { try await verification.sample(contractID: Self.contract, period: StatementPeriod("2013-01")!,
                                                                      rateBasisPoints: 2_000, seed: 7, by: "a") }
        let nothingPaid = await refusal { try await verification.sample(contractID: Self.contract, period: StatementPeriod("2012-10")!,
                                                                        rateBasisPoints: 2_000, seed: 7, by: "a") }
        try await ledger.store.close()
        #expect(!again.drawnNow && again.sample.lines == first.sample.lines)
        #expect(other == "national-pilot's 2012-11 was sampled already, with seed 7 at 20.00%: a period is sampled once")
        #expect(notIssued == "national-pilot's 2013-01 is not issued: only the lines of issued statements are sampled")
        #expect(nothingPaid == "national-pilot's 2012-10 paid no outcome line: there is nothing to sample")
    }

    @Test func findingsAreCheckedAndASampleClosesOnlyWhenEveryLineHasOne() async throws {
        let (ledger, verification) = try await issuedNovember()
        _ = try await verification.sample(contractID: Self.contract, period: Self.november, rateBasisPoints: 2_000, seed: 7, by: "a")
        let notSampled = await refusal { try await record(verification, "P01:1", .confirmed) }
        let noReason = await refusal { try await record(verification, "P01:3", .notConfirmed(reason: "")) }
        try await record(verification, "P01:3", .confirmed)
        let early = await refusal { try await verification.close(contractID: Self.contract, period: Self.november, by: "a") }
        for line in ["P01:9", "P01:12", "P02:2"] { try await record(verification, line, .confirmed) }
        let closed = try await verification.close(contractID: Self.contract, period: Self.november, by: "a")
        let late = await refusal { try await record(verification, "P01:3", .notConfirmed(reason: "on reflection")) }
        try await ledger.issue(through: "2012-12")
        let december = try await ledger.store.statementLines(Self.contract, period: StatementPeriod("2012-12")!)
        try await ledger.store.close()
        #expect(notSampled == "national-pilot/2012-11/P01:1 is not in national-pilot's sample of 2012-11: `pbr verify sample` lists its lines")
        #expect(noReason == "a line not confirmed needs a reason")
        #expect(early == "3 sampled lines of 2012-11 have no finding yet: national-pilot/2012-11/P01:9, national-pilot/2012-11/P01:12, national-pilot/2012-11/P02:2")
        #expect(late == "national-pilot's sample of 2012-11 is closed: its findings stand")
        #expect(closed.providers.map(\.recovery) == [.zero, .zero])
        #expect(december.isEmpty, "every line confirmed: nothing to reverse or recover")
    }
}
