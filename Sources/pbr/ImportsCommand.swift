import ArgumentParser
import PbRService
import PbRStore

struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "imports", abstract: "List the imports on record (the audit trail).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let journal = try await store.open()
        let imports = try await journal.imports()
        try await journal.close()
        for item in imports {
            print("#\(item.id)  known_at \(item.knownAt)  imported \(item.importedAt) by \(item.importedBy)  "
                  + "\(item.rowsImported) rows, \(item.rowsRejected) rejected  \(item.source)  sha256 \(item.digest.prefix(12))")
            for warning in item.warnings { print("    warning: \(warning)") }
        }
    }
}
