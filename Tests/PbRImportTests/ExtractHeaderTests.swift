import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// A header that names a column not of the format, or lacks one, is one defect at line 1, found once.
@Suite("Extract headers")
struct ExtractHeaderTests {
    static let clients = "client_id,sex,birth_year\nA001,M,1978\nA002,F,1985\n"
    static let events = "record_id,client_id,on,kind,detail\n1,A001,2012-06-01,goal_agreed,\n2,A001,2012-07-01,work_activity,\n"
    static let topColumns = RecordSchema.columns(.top).filter { $0 != "quality_of_life" }
    static let episodes = "record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"
        + "10,A001,P01,2012-05-01,2012-05-14,,,opiates,,,self\n"

    /// top.csv without quality_of_life, with `rows` reviews.
    static func topWithoutQualityOfLife(rows: Int) -> String {
        let answers = Array(repeating: "0", count: topColumns.count - 5).joined(separator: ",")
        return topColumns.joined(separator: ",") + "\n"
            + (1...rows).map { "\(100 + $0),A001,10,2012-05-14,review,\(answers)\n" }.joined()
    }

    @Test func aMisspeltColumnIsRefusedWithTheNearestName() async throws {
        // A withdrawal sent under a misspelt `deleted` would replace the record instead.
        let withdrawal = "record_id,client_id,on,kind,detail,deleteed\n1,A001,2012-06-01,goal_agreed,,Y\n"
        let (defects, imports) = try await ExtractFolders.defects(["clients.csv": Self.clients, "events.csv": withdrawal])
        #expect(defects == ["events.csv, line 1, column deleteed: unknown column (did you mean deleted?)"])
        #expect(imports == 0)
    }

    @Test func aColumnFarFromEveryKnownNameIsRefusedWithoutASuggestion() async throws {
        let clients = "client_id,sex,birth_year,nhs_number\nA001,M,1978,123\n"
        #expect(try await ExtractFolders.defects(["clients.csv": clients]).defects
                == ["clients.csv, line 1, column nhs_number: unknown column"])
    }

    @Test func aMissingColumnIsReportedOnceAtTheHeader() async throws {
        let (store, _) = try await temporaryStore()
        let files = ["clients.csv": Self.clients, "episodes.csv": Self.episodes, "top.csv": Self.topWithoutQualityOfLife(rows: 3)]
        let refusal = await #expect(throws: ExtractRefused.self) { try await importExtract(ExtractFolders.write(files), into: store) }
        let imports = try await store.imports().count
        try await store.close()
        #expect(refusal?.description == """
            the extract was not imported (1 defect):
            top.csv, line 1, column quality_of_life: the header has no quality_of_life column (3 rows of the file not imported)
            """)
        #expect(imports == 0)
    }

    @Test func aFileOfWithdrawalsNeedsOnlyItsKeyAndDeleted() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(ExtractFolders.write(["clients.csv": Self.clients, "events.csv": Self.events]), into: store)
        let withdrawals = try ExtractFolders.write(["events.csv": "record_id,deleted\n1,Y\n"], knownAt: "2013-07-01T09:00:00+01:00")
        let defects = try await ExtractFolders.defects(of: withdrawals, into: store)
        let events = try await store.histories(knownAt: nil).flatMap(\.events).map(\.recordID.rawValue)
        try await store.close()
        #expect(defects == [])
        #expect(events == ["2"])
    }

    @Test func withSkipBadRowsAFilesRowsKeptOutByAnUnknownColumnGoToTheRejectsFile() async throws {
        let (store, _) = try await temporaryStore()
        let events = "record_id,client_id,on,kind,detail,deleteed\n1,A001,2012-06-01,goal_agreed,,Y\n"
        let folder = try ExtractFolders.write(["clients.csv": Self.clients, "events.csv": events])
        let rejects = try Fixtures.temporaryFolder().appendingPathComponent("rejects.csv")
        let receipt = try await ExtractImport(folder: folder, importedBy: "test", skipBadRows: true, rejects: rejects).run(into: store)
        let imported = try await store.histories(knownAt: nil).flatMap(\.events).count
        try await store.close()
        #expect(try String(contentsOf: rejects, encoding: .utf8) == "file,line,column,reason,row\n"
                + "events.csv,2,deleteed,not imported: the header has an unknown column deleteed,\"1,A001,2012-06-01,goal_agreed,,Y\"\n")
        #expect(receipt.rowsImported == 2 && receipt.rowsRejected == 1 && imported == 0)
    }

    @Test func rowsSkippedForAMissingColumnGoToTheRejectsFileVerbatim() async throws {
        let (store, _) = try await temporaryStore()
        let top = Self.topWithoutQualityOfLife(rows: 2)
        let folder = try ExtractFolders.write(["clients.csv": Self.clients, "episodes.csv": Self.episodes, "top.csv": top])
        let rejects = try Fixtures.temporaryFolder().appendingPathComponent("rejects.csv")
        let receipt = try await ExtractImport(folder: folder, importedBy: "test", skipBadRows: true, rejects: rejects).run(into: store)
        try await store.close()
        let lines = top.split(separator: "\n").dropFirst()
        #expect(try String(contentsOf: rejects, encoding: .utf8) == "file,line,column,reason,row\n"
                + "top.csv,2,quality_of_life,not imported: the header has no quality_of_life column,\"\(lines.first!)\"\n"
                + "top.csv,3,quality_of_life,not imported: the header has no quality_of_life column,\"\(lines.last!)\"\n")
        #expect(receipt.rowsImported == 3 && receipt.rowsRejected == 2)
    }
}
