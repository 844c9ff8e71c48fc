import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// A field is taken exactly as sent: nothing is trimmed and no byte is replaced.
@Suite("Extract fields")
struct ExtractFieldTests {
    static let clients = "client_id,sex,birth_year\nA001,M,1978\nA002,F,1985\n"
    static let episodesHeader = "record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"

    @Test func anIdWithSurroundingSpacesIsRefusedNotTrimmed() async throws {
        let episodes = Self.episodesHeader + "10,A001,P01,,2012-05-14,,,opiates,,,self\n11,A002,P02,,2012-06-18,,,alcohol,,,gp\n"
            + "12,A002,p03 ,,2012-07-01,,,alcohol,,,gp\n 13,A001,P01,,2012-08-01,,,opiates,,,self\n"
        let assessments = "record_id,client_id,assessed_on,band,assessor,reason\n1, A001,2012-05-01,3,LASAR,initial\n2,A002,2012-05-01,3,LASAR ,initial\n"
        let clients = Self.clients + " A003,M,1970\n"
        #expect(try await ExtractFolders.defects(["clients.csv": clients, "assessments.csv": assessments, "episodes.csv": episodes]).defects == [
            "clients.csv, line 4, column client_id: ' A003' has surrounding spaces",
            "assessments.csv, line 2, column client_id: ' A001' has surrounding spaces",
            "assessments.csv, line 3, column assessor: 'LASAR ' has surrounding spaces",
            "episodes.csv, line 4, column provider_id: 'p03 ' has surrounding spaces",
            "episodes.csv, line 5, column record_id: ' 13' has surrounding spaces",
        ])
    }

    @Test func aCodeDateNumberOrFlagWithSurroundingSpacesIsRefusedNotTrimmed() async throws {
        let clients = Self.clients + "A003, M,1970 \n"
        let offences = "record_id,client_id,offence_on,proven_on,trigger,category\n1,A001,2012-01-01 ,,Y\t,theft\n"
        #expect(try await ExtractFolders.defects(["clients.csv": clients, "offences.csv": offences]).defects == [
            "clients.csv, line 4, column sex: ' M' has surrounding spaces",
            "clients.csv, line 4, column birth_year: '1970 ' has surrounding spaces",
            "offences.csv, line 2, column offence_on: '2012-01-01 ' has surrounding spaces",
            "offences.csv, line 2, column trigger: 'Y\t' has surrounding spaces",
        ])
    }

    @Test func aLatin1ByteIsRefusedWithItsColumnAndTheNeedForUTF8() async throws {
        let clients = Array("client_id,sex,birth_year\nA001,M,1978\nA002,".utf8) + [0xE9] + Array(",1985\n".utf8)
        let (store, _) = try await temporaryStore()
        let defects = try await ExtractFolders.defects(of: ExtractFolders.write(bytes: ["clients.csv": clients]), into: store)
        try await store.close()
        #expect(defects == ["clients.csv, line 3, column sex: byte 0xE9 is not UTF-8; the file must be UTF-8"])
    }

    @Test func aLatin1ByteInExtractYamlIsRefused() async throws {
        let folder = try ExtractFolders.write(["clients.csv": Self.clients])
        let yaml = Array("known_at: '2013-06-05T09:00:00+01:00'\nsource: Caf".utf8) + [0xE9] + Array("\n".utf8)
        try Data(yaml).write(to: folder.appendingPathComponent("extract.yaml"))
        let (store, _) = try await temporaryStore()
        let defects = try await ExtractFolders.defects(of: folder, into: store)
        try await store.close()
        #expect(defects == ["extract.yaml, line 2: byte 0xE9 is not UTF-8; the file must be UTF-8"])
    }
}
