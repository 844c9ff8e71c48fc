import Foundation
import PbRTestSupport

/// The `pbr` built beside this test bundle, run as a user runs it.
enum PbRProcess {
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pbr")

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `pbr` with `arguments` in `folder` (the package root by default) and waits for it.
    static func run(_ arguments: [String], in folder: URL = Fixtures.root) throws -> Output {
        let logs = try Fixtures.temporaryFolder()
        let out = logs.appendingPathComponent("stdout"), err = logs.appendingPathComponent("stderr")
        for log in [out, err] { try Data().write(to: log) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PBR_DATABASE_URL"] = nil
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
