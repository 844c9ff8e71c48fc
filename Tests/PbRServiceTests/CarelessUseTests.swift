import Foundation
import PbRService
import PbRTestSupport
import Testing

/// What a new user did first with the command line: each mistake is refused with a plain message, and
/// none loses a file.
@Suite("Careless use of the command line")
struct CarelessUseTests {
    let contract = Fixtures.referenceContractURL.path

    @Test func aMistypedStoreIsRefusedAndNotCreated() throws {
        let folder = try Fixtures.temporaryFolder()
        let typo = folder.appendingPathComponent("pbr.sqlit").path
        for arguments in [["entitlements", "--db", typo, "--contract", contract, "--as-of", "2016-12-31"],
                          ["imports", "--db", typo], ["db", "check", "--db", typo]] {
            let run = try PbRProcess.run(arguments)
            #expect(run.status != 0, "\(arguments[0])")
            #expect(run.stderr.contains("no store at \(typo)"), "\(arguments[0]): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: typo))
    }

    @Test func anOutputOverTheStoreIsRefusedAndTheStoreKept() throws {
        let folder = try Fixtures.temporaryFolder()
        let store = folder.appendingPathComponent("X.sqlite").path
        #expect(try PbRProcess.run(["import", Fixtures.url("small/batch1").path, "--db", store]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let run = try PbRProcess.run(["entitlements", "--db", store, "--contract", contract, "--as-of", "2016-12-31", "--csv", store])
        #expect(run.status != 0)
        #expect(run.stderr.contains("would write over the store"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        #expect(try PbRProcess.run(["db", "check", "--db", store]).status == 0)
    }

    @Test func aRunThatFailsLeavesTheEarlierOutputWhole() throws {
        let folder = try Fixtures.temporaryFolder()
        let store = folder.appendingPathComponent("pbr.sqlite").path
        let csv = folder.appendingPathComponent("out.csv").path
        #expect(try PbRProcess.run(["import", Fixtures.url("small/batch1").path, "--db", store]).status == 0)
        #expect(try PbRProcess.run(["entitlements", "--db", store, "--contract", contract, "--as-of", "2016-12-31", "--csv", csv]).status == 0)
        let before = try String(contentsOfFile: csv, encoding: .utf8)
        let failed = try PbRProcess.run(["entitlements", "--db", store + "x", "--contract", contract, "--as-of", "2016-12-31", "--csv", csv])
        #expect(failed.status != 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == before)
        #expect(FileManager.default.fileExists(atPath: csv + ".json"))
    }

    @Test func theDemoRefusesAFolderOfTheUsersAndDeletesNothing() throws {
        let folder = try Fixtures.temporaryFolder()
        let notes = folder.appendingPathComponent("notes.txt")
        try Data("my notes".utf8).write(to: notes)
        let run = try PbRProcess.run(["demo", "--dir", folder.path, "--clients", "20", "--contract", contract])
        #expect(run.status != 0)
        #expect(run.stderr.contains("not empty and PbR did not make it"), "\(run.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test func theDemoRunsAgainInItsOwnFolderAndKeepsWhatTheUserAdded() throws {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("demo")
        let arguments = ["demo", "--dir", folder.path, "--clients", "20", "--contract", contract]
        #expect(try PbRProcess.run(arguments).status == 0)
        let notes = folder.appendingPathComponent("notes.txt")
        try Data("kept".utf8).write(to: notes)
        let again = try PbRProcess.run(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "kept")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pbr.sqlite").path))
    }

    @Test func anExtractFolderThatIsNotThereCreatesNoStore() throws {
        let folder = try Fixtures.temporaryFolder()
        let store = folder.appendingPathComponent("pbr.sqlite").path
        let run = try PbRProcess.run(["import", folder.appendingPathComponent("extract").path, "--db", store])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no such folder"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func anUnknownKindOfStoreIsAPlainMessage() throws {
        let run = try PbRProcess.run(["imports", "--db", "mysql://pbr@localhost/pbr"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("'mysql://' is not a store PbR can use"), "\(run.stderr)")
    }

    @Test func aBadDayEndsWithTheSubcommandsOwnUsage() throws {
        let run = try PbRProcess.run(["entitlements", "--db", "x.sqlite", "--contract", contract, "--as-of", "2013-02-30"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("'2013-02-30' is not a date"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: pbr entitlements"), "\(run.stderr)")
    }

    @Test func theVersionIsPrinted() throws {
        let run = try PbRProcess.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == PbRVersion.current)
    }
}

/// Progress bars: drawn on a terminal, never into a pipe or a log.
@Suite("Progress on the terminal")
struct ProgressTests {
    @Test func noProgressIsDrawnIntoAPipe() throws {
        let store = try Fixtures.temporaryFolder().appendingPathComponent("pbr.sqlite").path
        let run = try PbRProcess.run(["import", Fixtures.url("small/batch1").path, "--db", store])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("█") && !run.stdout.contains("█"))
    }

    @Test func aTerminalSeesTheImportsProgress() throws {
        let store = try Fixtures.temporaryFolder().appendingPathComponent("pbr.sqlite").path
        // `script` gives the child a terminal; CI's own marker would turn the bar off, as it should in its log.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(PbRProcess.executable.path) import \(Fixtures.url("small/batch1").path) --db \(store)", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = nil
        environment["TERM"] = "xterm"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("Importing batch1") && text.contains("100%"), "\(text)")
    }
}
