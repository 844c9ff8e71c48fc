import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// Late data after the small example's first two extracts: a correction that pays again, and a
/// re-assessment that changes a price, each adjusted on the next statement with its cause.
@Suite("Corrections on statements")
struct LedgerCorrectionTests {
    static let topHeader = "record_id,client_id,episode_id,on,stage,alcohol_days,opiates_days,crack_days,cocaine_days,amphetamines_days,cannabis_days,other_days,alcohol_units,injected_days,shared_equipment,shoplifting_days,selling_days,theft_vehicle,other_theft,fraud,violence,psychological,physical,quality_of_life,paid_work_days,education_days,acute_housing,eviction_risk\n"
    static let assessmentHeader = "record_id,client_id,assessed_on,band,assessor,reason\n"

    /// Batches 1 and 2 issued to 2013-08; then `files`, known on 2013-09-10, and September issued.
    func september(_ files: [String: String]) async throws -> [StatementLine] {
        let ledger = try await LedgerFixture.make()
        try await ledger.load("small/batch1")
        try await ledger.issue(through: "2013-05")
        try await ledger.load("small/batch2")
        try await ledger.issue(through: "2013-08")
        _ = try await ImportJob(folder: try ExtractFolders.write(files, knownAt: "2013-09-10T09:00:00+01:00").path, importedBy: "test")
            .run(into: ledger.store)
        try await ledger.issue(through: "2013-09")
        let lines = try await ledger.store.statementLines("national-pilot", period: StatementPeriod("2013-09")!)
        #expect(try await StatementVerify(contractID: "national-pilot").run(on: ledger.store).problems.isEmpty)
        try await ledger.store.close()
        return lines
    }

    @Test func aCorrectionThatRestoresAReviewPaysAgainAndRefersToBothEarlierLines() async throws {
        // Review 102 re-sent as first recorded: no crack on 2013-02-11 after all.
        let lines = try await september(["top.csv": Self.topHeader + "102,A001,10,2013-02-11,review,0,0,0,0,0,0,0,0,0,N,0,0,N,N,N,N,10,10,11,0,0,N,N\n"])
        let again = try #require(lines.first { $0.outcomeID == OutcomeID("D1-abstinent") })
        #expect(LedgerFixture.row(again) == "2013-09,P01,A001,D1-abstinent,1,adjustment,600.00")
        #expect(again.refersTo.map(\.description) == ["national-pilot/2013-02/P01:1", "national-pilot/2013-06/P01:1"])
        #expect(again.reason.hasPrefix("owed again as of 2013-09-30 (achieved: "))
    }

    @Test func aReassessmentBeforeTheAchievementsChangesTheirPrice() async throws {
        // (September also pays A001's D3-no-offending-6m, as in statements.csv.)
        // A002 re-assessed to band 3 on 2012-09-01: D1-alcohol-reduced 200.00 → 250.00 (+50.00) and
        // D1-completed part 1, a quarter of 1,300.00 → a quarter of 1,600.00: 325.00 → 400.00 (+75.00).
        let lines = try await september(["assessments.csv": Self.assessmentHeader + "5,A002,2012-09-01,3,LASAR-KENT,reassessment\n"])
            .filter { $0.clientID == ClientID("A002") }
        #expect(lines.map(LedgerFixture.row) == ["2013-09,P02,A002,D1-alcohol-reduced,1,adjustment,50.00",
                                                 "2013-09,P02,A002,D1-completed,1,adjustment,75.00"])
        #expect(lines.allSatisfy { $0.reason.hasPrefix("band 2 became band 3 (") })
        #expect(lines.map(\.band) == [Band(3), Band(3)])
    }
}
