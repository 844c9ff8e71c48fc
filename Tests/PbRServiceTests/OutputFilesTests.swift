import Foundation
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// No output lands on an input or on another output, and an output is written whole or not at all.
@Suite("Output files")
struct OutputFilesTests {
    func inputs(store: String, contract: String = "contracts/national-pilot.yaml", extract: String? = nil) -> RunInputs {
        var inputs = RunInputs()
        inputs.store(.sqlite(path: store))
        inputs.file("the contract", contract)
        if let extract { inputs.folder("the extract", extract) }
        return inputs
    }

    @Test func anOutputOnTheStoreIsRefusedHoweverItIsSpelt() throws {
        let folder = try Fixtures.temporaryFolder()
        let store = folder.appendingPathComponent("X.sqlite").path
        try Data("SQLite format 3\0".utf8).write(to: URL(fileURLWithPath: store))
        let link = folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: store)
        for spelling in [store, folder.path + "/./X.sqlite", link, store + "-wal"] {
            #expect(throws: Refusal.self, "\(spelling)") {
                try OutputFiles.check([("--csv", spelling)], against: inputs(store: store))
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == Data("SQLite format 3\0".utf8))
    }

    @Test func anOutputOnTheContractOrInsideTheExtractIsRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        let contract = folder.appendingPathComponent("c.yaml").path
        try Data("id: c\n".utf8).write(to: URL(fileURLWithPath: contract))
        let extract = folder.appendingPathComponent("extract").path
        try FileManager.default.createDirectory(atPath: extract, withIntermediateDirectories: true)
        let given = inputs(store: folder.appendingPathComponent("s.sqlite").path, contract: contract, extract: extract)
        #expect(throws: Refusal.self) { try OutputFiles.check([("--csv", contract)], against: given) }
        #expect(throws: Refusal.self) { try OutputFiles.check([("--rejects", extract + "/rejects.csv")], against: given) }
        try OutputFiles.check([("--csv", folder.appendingPathComponent("out.csv").path)], against: given)
    }

    @Test func twoOutputsOnOneFileAreRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        let out = folder.appendingPathComponent("out.csv").path
        #expect(throws: Refusal.self) {
            try OutputFiles.check([("--csv", out), ("--exceptions", folder.path + "/../" + folder.lastPathComponent + "/out.csv")],
                                  against: RunInputs())
        }
        // An output on another's record (out.csv.json) is refused too.
        #expect(throws: Refusal.self) {
            try OutputFiles.check([("--csv", out), ("--exceptions", out + ".json")], against: RunInputs())
        }
    }

    @Test func anOutputIntoAFolderThatIsNotThereIsRefusedBeforeAnythingRuns() throws {
        let folder = try Fixtures.temporaryFolder()
        #expect(throws: Refusal("--csv \(folder.path)/missing/out.csv: the folder \(folder.path)/missing does not exist")) {
            try OutputFiles.check([("--csv", folder.path + "/missing/out.csv")], against: RunInputs())
        }
        #expect(throws: Refusal("--csv \(folder.path) is a folder: name a file")) {
            try OutputFiles.check([("--csv", folder.path)], against: RunInputs())
        }
    }

    @Test func aWriteReplacesTheFileWholeAndLeavesNoPartBehind() throws {
        let folder = try Fixtures.temporaryFolder()
        let out = folder.appendingPathComponent("out.csv").path
        try OutputFiles.write("old\n", to: out)
        try OutputFiles.write("new,file\n", to: out)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "new,file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test func aWriteThatFailsLeavesTheOldFileAsItWas() throws {
        let folder = try Fixtures.temporaryFolder()
        let out = folder.appendingPathComponent("out.csv").path
        try OutputFiles.write("old\n", to: out)
        // The temporary file's place is taken by a folder, so the write fails before the rename.
        let blocker = folder.appendingPathComponent(".out.csv.\(ProcessInfo.processInfo.processIdentifier).partial")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        #expect(throws: Refusal.self) { try OutputFiles.write("new\n", to: out) }
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old\n")
    }
}
