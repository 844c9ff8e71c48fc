import ArgumentParser
import PbRCore
import PbRService
import PbRStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The web application's audit log: every change and every view of client-level data.",
        subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the log's hash chain; name the first entry edited, or that follows a deletion.",
            discussion: "Exits 1 when the chain is broken. Keep the last entry's digest it prints: a deletion from the end shows only against it.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let result = try await store.using { try await AuditVerify().run(on: $0) }
            if let broken = result.firstBreak {
                print("The audit log is broken at \(broken).")
                throw ExitCode(1)
            }
            print("The audit log's \(result.entries.counted("entry", plural: "entries")) verify"
                  + (result.head.map { "; the last is \($0.sequence), digest \($0.digest)." } ?? "."))
        }
    }
}
