import Foundation
import PbRService
import PbRTestSupport
import Testing

/// `demo --dir`, `bench --dir` and `generate --dir` never delete what PbR did not create.
@Suite("Work folders")
struct WorkFolderTests {
    @Test func aFolderHoldingTheUsersFilesIsRefusedAndKeepsThem() throws {
        let folder = try Fixtures.temporaryFolder()
        let notes = folder.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: notes)
        #expect(throws: Refusal.self) { try WorkFolder.prepare(folder.path, option: "--dir") }
        #expect(try String(contentsOf: notes, encoding: .utf8) == "mine")
    }

    @Test func aFolderPbRMadeIsClearedOfWhatPbRMadeAndNothingElse() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("demo").path
        var first = try WorkFolder.prepare(path, option: "--dir")
        let made = try first.claim("pbr.sqlite")
        try Data("store".utf8).write(to: made)
        let notes = URL(fileURLWithPath: path).appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: notes)

        _ = try WorkFolder.prepare(path, option: "--dir")
        #expect(!FileManager.default.fileExists(atPath: made.path))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "mine")
    }

    @Test func anEntryPbRDidNotMakeIsNeverWrittenOver() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("demo").path
        var folder = try WorkFolder.prepare(path, option: "--dir")
        let theirs = URL(fileURLWithPath: path).appendingPathComponent("pbr.sqlite")
        try Data("theirs".utf8).write(to: theirs)
        #expect(throws: Refusal.self) { try folder.claim("pbr.sqlite") }
        #expect(try String(contentsOf: theirs, encoding: .utf8) == "theirs")
    }

    @Test func anEmptyFolderIsTakenAndAFileInItsPlaceIsRefused() throws {
        let empty = try Fixtures.temporaryFolder()
        _ = try WorkFolder.prepare(empty.path, option: "--dir")
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent(WorkFolder.markerName).path))
        let file = empty.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        #expect(throws: Refusal("--dir \(file.path) is a file, not a folder: name a new or empty folder")) {
            try WorkFolder.prepare(file.path, option: "--dir")
        }
    }
}
