import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// claims.csv (outcomes other programmes have paid for) is imported and checked like the other files,
/// and kept in the journal; the engine does not read it yet.
@Suite("Claims")
struct ClaimsImportTests {
    static let clients = "client_id,sex,birth_year\nA001,M,1978\nA002,F,1985\n"
    static let header = "record_id,client_id,programme,outcome,achieved_on\n"

    @Test func claimsAreCheckedLikeTheOtherFiles() async throws {
        let claims = Self.header + "1,A001,work_programme,job_outcome,2013-01-15\n2,A009,work_programme,job_outcome,2013-01-15\n"
            + "3,A002,justice_pbr,reconviction,2013-02-30\n1,A002,justice_pbr,reconviction,2013-02-01\n4,A002,,reconviction,2013-02-01\n"
        #expect(try await ExtractFolders.defects(["clients.csv": Self.clients, "claims.csv": claims]).defects == [
            "claims.csv, line 3, column client_id: unknown client 'A009'",
            "claims.csv, line 4, column achieved_on: '2013-02-30' is not a date (YYYY-MM-DD) that exists",
            "claims.csv, line 5, column record_id: '1' is duplicated (first on line 2)",
            "claims.csv, line 6, column programme: is required",
        ])
    }

    @Test func claimsAreKeptInTheJournalAndLeaveEntitlementsAlone() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let contract = try Fixtures.referenceContract()
        let before = EntitlementRun(contract: contract).evaluate(try await store.histories(knownAt: nil), asOf: day("2016-12-31"))
        let claims = try ExtractFolders.write(["claims.csv": Self.header + "1,A001,work_programme,job_outcome,2013-01-15\n"],
                                              knownAt: "2013-07-01T09:00:00+01:00")
        try await importExtract(claims, into: store)
        let histories = try await store.histories(knownAt: nil)
        let after = EntitlementRun(contract: contract).evaluate(histories, asOf: day("2016-12-31"))
        let problems = try await store.check()
        try await store.close()
        #expect(histories.flatMap(\.claims) == [Claim(recordID: RecordID("1"), clientID: ClientID("A001"), programme: "work_programme",
                                                      outcome: "job_outcome", achievedOn: day("2013-01-15"))])
        #expect(EntitlementsCSV.render(after.lines) == EntitlementsCSV.render(before.lines))
        #expect(problems.isEmpty, "\(problems)")
    }
}
