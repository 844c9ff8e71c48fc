import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// One result, one payment across programmes: a claim another programme paid (claims.csv) blocks or
/// reduces the outcome the contract names; a line already paid is clawed back, naming the claim.
@Suite("Claims of other programmes")
struct LedgerClaimsTests {
    static let claimsHeader = "record_id,client_id,programme,outcome,achieved_on\n"

    /// The reference contract where the Work Programme's job outcome blocks D2-work-activity, or reduces it.
    func contract(_ rule: String) throws -> URL {
        let text = try String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8)
            .replacingOccurrences(of: "outcomes:\n  - id: D1-abstinent", with: "other_programmes:\n  - \(rule)\n\noutcomes:\n  - id: D1-abstinent")
        let file = try Fixtures.temporaryFolder().appendingPathComponent("contract.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func claim(_ day: String) throws -> URL {
        try ExtractFolders.write(["claims.csv": Self.claimsHeader + "1,A004,work_programme,job_outcome,\(day)\n"],
                                 knownAt: "2013-07-01T09:00:00+01:00")
    }

    @Test func aLateClaimClawsBackTheLinePaidAndSaysWhoPaidIt() async throws {
        let ledger = try await LedgerFixture.make(contract: try contract(
            "{programme: work_programme, claim: job_outcome, blocks: D2-work-activity, within: 180 days}"))
        try await ledger.load("small/batch1")
        try await ledger.issue(through: "2013-05")
        // A004's volunteering on 2012-12-05 was paid 150.00 in December; the Work Programme paid a job outcome on 2013-01-15.
        _ = try await ImportJob(folder: try claim("2013-01-15").path, importedBy: "test").run(into: ledger.store)
        let june = try await ledger.issue(through: "2013-06").issued.flatMap(\.lines)
        let run = try await EntitlementsJob.stored("national-pilot", in: ledger.store, asOf: day("2013-06-30"), knownAt: nil).run(on: ledger.store, command: "test")
        try await ledger.store.close()
        #expect(june.map(LedgerFixture.row) == ["2013-06,P03,A004,D2-work-activity,1,adjustment,-150.00"])
        #expect(june.first?.reason == "no longer owed as of 2013-06-30: D2-work-activity: achieved on 2012-12-05 at band 1: "
            + "work_activity event 4 on 2012-12-05; not paid: one result, one payment: work_programme paid job_outcome on 2013-01-15 (claim 1); "
            + "the data changed since 2012-12: import #2 (known at 2013-07-01T09:00:00+01:00) added claims 1")
        // The overlap is listed with what it would have cost.
        #expect(run.report.exceptions.map { "\($0.clientID) \($0.outcomeID) \($0.highestAmount) \($0.reason)" }
            .contains("A004 D2-work-activity 150.00 not paid: one result, one payment: work_programme paid job_outcome on 2013-01-15 (claim 1)"))
    }

    @Test func aClaimOutsideTheWindowBlocksNothingAndOneThatReducesCutsThePrice() async throws {
        let ledger = try await LedgerFixture.make(contract: try contract(
            "{programme: work_programme, claim: job_outcome, reduces: D2-work-activity, by: 40%, within: 30 days}"))
        try await ledger.load("small/batch1")
        _ = try await ImportJob(folder: try claim("2012-12-20").path, importedBy: "test").run(into: ledger.store)
        try await ledger.issue(through: "2012-12")
        let lines = try await ledger.store.statementLines("national-pilot")
        try await ledger.store.close()
        // 150.00 less 40% is 90.00; the claim 15 days after the volunteering is within the 30 days.
        let line = try #require(lines.first { $0.clientID == ClientID("A004") })
        #expect(line.amount == Money(pounds: "90.00"))
        #expect(line.reason.hasSuffix("; reduced by 40.00%: work_programme paid job_outcome on 2012-12-20 (claim 1)"))
    }
}
