import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRStore

struct EntitlementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entitlements",
        abstract: "What a contract owes as of a day: one CSV line per client, outcome and part, and a summary.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The contract (YAML), e.g. contracts/national-pilot.yaml.")
    var contract: String

    @Option(help: "The run's day (YYYY-MM-DD): only facts dated on or before it count.")
    var asOf: String

    @Option(help: "See only data known at or before this moment (ISO 8601 with a zone, or a day). Default: all imported.")
    var knownAt: String?

    @Option(help: "Write the entitlements CSV here.")
    var csv: String?

    @Option(help: "Write the exceptions (outcomes achieved that cannot be paid) as CSV here.")
    var exceptions: String?

    @Flag(help: "Print how long loading, evaluating and writing took (for pbr bench).")
    var timings = false

    func run() async throws {
        var clock = Date()
        func lap(_ step: String) {
            if timings { print("timing \(step) \(String(format: "%.2f", Date().timeIntervalSince(clock)))s") }
            clock = Date()
        }
        let day = try Day.argument(asOf, option: "--as-of")
        let cutoff = try knownAt.map { try Moment.argument($0, option: "--known-at") }
        let terms = try loadContract(contract)
        let journal = try await store.open()
        let histories: [ClientHistory]
        do {
            histories = try await journal.histories(knownAt: cutoff)
            try await journal.close()
        } catch {
            try? await journal.close()
            throw error
        }
        lap("load")
        let report = EntitlementRun(contract: terms).evaluate(histories, asOf: day)
        lap("evaluate")
        if let csv { try write(EntitlementsCSV.bytes(report.lines), to: csv) }
        if let exceptions { try write(ExceptionsCSV.render(report.exceptions), to: exceptions) }
        lap("write")
        print(SummaryText.render(report, contract: terms, knownAt: cutoff))
        // Freeing millions of records and lines one by one takes a third of a second at national scale;
        // the process ends here, so the operating system takes the memory back at once instead.
        Foundation.exit(0)
    }
}

/// Loads a contract file, or refuses it with the path to the bad key.
func loadContract(_ path: String) throws -> Contract {
    do { return try ContractLoader.load(file: URL(fileURLWithPath: path)) } catch let error as ContractError {
        throw Refusal("\(path): \(error)")
    }
}
