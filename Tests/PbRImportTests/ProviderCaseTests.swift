import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// Provider ids are compared byte by byte, so `p03` and `P03` would be two providers, each paid on its
/// own: an id that differs from a known one only in case is refused.
@Suite("Provider ids that differ only in case")
struct ProviderCaseTests {
    static let clients = "client_id,sex,birth_year\nA001,M,1978\nA002,F,1985\n"
    static let header = "record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"

    @Test func aProviderDifferingOnlyInCaseFromOneInTheSameExtractIsRefused() async throws {
        let episodes = Self.header + "10,A001,P03,,2012-05-14,,,opiates,,,self\n11,A002,P01,,2012-06-18,,,alcohol,,,gp\n"
            + "12,A002,p03,,2012-07-01,,,alcohol,,,gp\n"
        #expect(try await ExtractFolders.defects(["clients.csv": Self.clients, "episodes.csv": episodes]).defects
                == ["episodes.csv, line 4, column provider_id: provider 'p03' differs only in case from 'P03'"])
    }

    @Test func aProviderDifferingOnlyInCaseFromOneInTheStoreIsRefused() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)  // P01, P02, P03
        let later = try ExtractFolders.write(["episodes.csv": Self.header + "20,A001,p03,,2013-06-14,,,opiates,,,self\n"],
                                             knownAt: "2013-07-05T09:00:00+01:00")
        let defects = try await ExtractFolders.defects(of: later, into: store)
        let imports = try await store.imports().count
        try await store.close()
        #expect(defects == ["episodes.csv, line 2, column provider_id: provider 'p03' differs only in case from 'P03'"])
        #expect(imports == 1)
    }
}
