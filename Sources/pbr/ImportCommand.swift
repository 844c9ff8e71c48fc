import ArgumentParser
import Foundation
import PbRCore
import PbRImport
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
        let journal = try await store.open()
        do {
            let receipt = try await ImportJob(journal: journal, timings: timings).run(
                folder: extract, skipBadRows: skipBadRows, rejectsPath: rejects, importedBy: by, allowExtra: allowExtra)
            try await journal.close()
            for warning in receipt.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            if receipt.alreadyImported {
                print("\(extract): already imported as import #\(receipt.importID); nothing changed.")
            } else {
                print("\(extract): import #\(receipt.importID): \(receipt.rowsImported) rows (\(receipt.withdrawals) withdrawals)"
                      + (skipBadRows ? ", \(receipt.rowsRejected) rejected to \(rejects!)" : "") + ".")
            }
        } catch {
            try? await journal.close()
            throw error
        }
    }
}

/// Imports one extract, as the command line and the demo run it: a refusal becomes a message.
struct ImportJob {
    let journal: JournalStore
    var timings = false

    func run(folder: String, skipBadRows: Bool, rejectsPath: String?, importedBy: String,
             allowExtra: Bool = false) async throws -> ImportReceipt {
        let started = Date()
        let job = ExtractImport(folder: URL(fileURLWithPath: folder), importedBy: importedBy, skipBadRows: skipBadRows,
                                rejects: rejectsPath.map { URL(fileURLWithPath: $0) }, allowExtra: allowExtra)
        do {
            let receipt = try await job.run(into: journal)
            if timings { print(String(format: "timing import %.2fs", Date().timeIntervalSince(started))) }
            return receipt
        } catch let refused as ExtractRefused {
            throw Refusal(folder + ": " + refused.description)
        }
    }
}

/// Bad input the command refuses: printed as it is, with a non-zero exit code.
struct Refusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
