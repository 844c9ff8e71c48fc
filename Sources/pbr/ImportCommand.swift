import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an extract folder into the journal (all or nothing unless --skip-bad-rows).")

    @Argument(help: "The extract folder: extract.yaml and any of the seven CSV files.")
    var extract: String

    @OptionGroup var store: StoreOptions

    @Flag(help: "Import the good rows and write every bad one, verbatim with its reason, to --rejects.")
    var skipBadRows = false

    @Option(help: "The rejects file written with --skip-bad-rows.")
    var rejects: String?

    @Flag(help: """
        Ignore columns and files that are not of the extract format, each with a warning kept in the audit \
        trail, instead of refusing the extract.
        """)
    var allowExtra = false

    @Flag(help: "Print how long the import took (for pbr bench).")
    var timings = false

    @Option(help: "Who is importing, for the audit trail.")
    var by: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown"

    func validate() throws {
        if skipBadRows, rejects == nil { throw ValidationError("--skip-bad-rows needs --rejects FILE for the bad rows") }
        if rejects != nil, !skipBadRows { throw ValidationError("--rejects is written only with --skip-bad-rows") }
    }

    func run() async throws {
        let started = Date()
        var job = ImportJob(folder: extract, importedBy: by, skipBadRows: skipBadRows, rejects: rejects, allowExtra: allowExtra)
        job.progress = TerminalProgress()
        let (receipt, created) = try await job.run(at: store.location)
        if timings { print(String(format: "timing import %.2fs", Date().timeIntervalSince(started))) }
        if created { print("Created a new store at \(store.location).") }
        receipt.warnings.forEach(warn)
        if receipt.alreadyImported {
            print("\(extract): already imported as import #\(receipt.importID); nothing changed.")
        } else {
            print("\(extract): import #\(receipt.importID): \(receipt.rowsImported.counted("row")) "
                  + "(\(receipt.withdrawals.counted("withdrawal")))"
                  + (skipBadRows ? ", \(receipt.rowsRejected.counted("row")) rejected to \(rejects!)" : "") + ".")
        }
    }
}
