import Foundation
import PbRTestSupport
import Testing

/// `pbr import` says each warning on standard error, and `pbr imports` shows it under its import.
@Suite("pbr import and pbr imports")
struct ImportCommandTests {
    /// Runs the `pbr` built beside this test bundle: its exit status, standard output and standard error.
    func pbr(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pbr")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func warningsArePrintedOnStandardErrorAndShownUnderTheirImport() throws {
        let folder = try ExtractFolders.write(["clients.csv": "client_id,sex,birth_year\nA001,M,1978\n", "notes.txt": "x"])
        let store = try temporaryLocation()
        let refused = try pbr(["import", folder.path, "--db", store])
        let allowed = try pbr(["import", folder.path, "--db", store, "--allow-extra"])
        let imports = try pbr(["imports", "--db", store])
        let warning = "notes.txt: not a file of the extract format; ignored (--allow-extra)"
        #expect(refused.status != 0 && refused.errors.contains("notes.txt: not a file of the extract format\n"))
        #expect(allowed.status == 0 && allowed.errors == "warning: \(warning)\n")
        #expect(imports.output.split(separator: "\n").dropFirst().map(String.init) == ["    warning: \(warning)"])
    }
}
