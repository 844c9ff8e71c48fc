import Foundation
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// `pbr import`: a mistake in what is given leaves no store behind.
@Suite("Import job")
struct ImportJobTests {
    @Test func aMissingExtractFolderCreatesNoStore() async throws {
        let folder = try Fixtures.temporaryFolder()
        let store = folder.appendingPathComponent("pbr.sqlite").path
        let job = ImportJob(folder: folder.appendingPathComponent("no-such-extract").path, importedBy: "test")
        await #expect(throws: Refusal.self) { try await job.run(at: .sqlite(path: store)) }
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func aFileGivenForTheFolderIsSaidToBeAFile() async throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("clients.csv")
        try Data("client_id,sex,birth_year\n".utf8).write(to: file)
        let store = folder.appendingPathComponent("pbr.sqlite").path
        await #expect(throws: Refusal("\(file.path) is a file, not an extract folder: give the folder that holds extract.yaml and the CSV files")) {
            try await ImportJob(folder: file.path, importedBy: "test").run(at: .sqlite(path: store))
        }
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func aRefusedFirstImportLeavesNoStoreBehind() async throws {
        let folder = try Fixtures.temporaryFolder()
        let extract = folder.appendingPathComponent("extract")
        try FileManager.default.createDirectory(at: extract, withIntermediateDirectories: true)
        try Data("known_at: '2013-06-05T09:00:00+01:00'\nsource: test\n".utf8).write(to: extract.appendingPathComponent("extract.yaml"))
        try Data("client_id,sex,birth_year\nA001,Z,1978\n".utf8).write(to: extract.appendingPathComponent("clients.csv"))
        let store = folder.appendingPathComponent("pbr.sqlite").path
        await #expect(throws: Refusal.self) { try await ImportJob(folder: extract.path, importedBy: "test").run(at: .sqlite(path: store)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["extract"])
    }

    @Test func theRejectsFileMayNotLandOnTheStore() async throws {
        let folder = try Fixtures.temporaryFolder()
        let store = folder.appendingPathComponent("pbr.sqlite").path
        let job = ImportJob(folder: Fixtures.url("small/batch1").path, importedBy: "test", skipBadRows: true, rejects: store)
        await #expect(throws: Refusal.self) { try await job.run(at: .sqlite(path: store)) }
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
