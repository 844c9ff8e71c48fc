import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// An extract folder holds extract.yaml and the files of the format; anything else is refused, not
/// passed over.
@Suite("Extract folders")
struct ExtractFolderTests {
    static let clients = "client_id,sex,birth_year\nA001,M,1978\nA002,F,1985\n"

    @Test func aFileNotOfTheExtractFormatIsRefusedWithTheNearestName() async throws {
        let events = "record_id,client_id,on,kind,detail\n1,A001,2012-06-01,goal_agreed,\n"
        let (defects, imports) = try await ExtractFolders.defects([
            "clients.csv": Self.clients, "Events.csv": events, "top (1).csv": "", "episode.csv": "", "notes.txt": "",
        ])
        #expect(defects == [
            "Events.csv: not a file of the extract format (did you mean events.csv?)",
            "episode.csv: not a file of the extract format (did you mean episodes.csv?)",
            "notes.txt: not a file of the extract format",
            "top (1).csv: not a file of the extract format (did you mean top.csv?)",
        ])
        #expect(imports == 0)
    }

    @Test func aFolderInsideTheExtractIsRefused() async throws {
        let folder = try ExtractFolders.write(["clients.csv": Self.clients])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("old"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("events.csv"), withIntermediateDirectories: false)
        let (store, _) = try await temporaryStore()
        let defects = try await ExtractFolders.defects(of: folder, into: store)
        try await store.close()
        #expect(defects == ["events.csv: is not a regular file", "old: not a file of the extract format"])
    }

    @Test func hiddenFilesAreIgnored() async throws {
        let (defects, imports) = try await ExtractFolders.defects(["clients.csv": Self.clients, ".DS_Store": "\u{0}\u{1}"])
        #expect(defects == [] && imports == 1)
    }
}
