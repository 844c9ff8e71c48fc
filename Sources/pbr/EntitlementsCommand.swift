import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRStore

struct EntitlementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entitlements",
        abstract: "What a contract owes as of a day: one CSV line per client, outcome and part, and a summary.",
        discussion: "Each file written gets a record beside it, FILE.json: the contract and its digest, the day, the cut-off, the last import seen.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The contract: a file (YAML, e.g. contracts/national-pilot.yaml), or the id of a contract in the store.")
    var contract: String

    @Option(help: "The run's day (YYYY-MM-DD): only facts dated on or before it count.", transform: Day.argument)
    var asOf: Day

    @Option(help: "See only data known at or before this moment (ISO 8601 with a zone, or a day). Default: all imported.",
            transform: Moment.argument)
    var knownAt: Moment?

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
        let terms = try ContractArgument(contract)
        try OutputFiles.check([("--csv", csv), ("--exceptions", exceptions)].compactMap { option, path in path.map { (option, $0) } },
                              against: terms.inputs(store.location))
        let journal = try await store.open()
        let result: EntitlementsJob.Result
        let job: EntitlementsJob
        do {
            job = try await terms.job(in: journal, asOf: asOf, knownAt: knownAt)
            result = try await job.run(on: journal, command: "entitlements", lap: lap)
            try await journal.close()
        } catch {
            try? await journal.close()
            throw error
        }
        result.warnings.forEach(warn)
        try EntitlementsJob.write(result, csv: csv, exceptions: exceptions)
        lap("write")
        print(SummaryText.render(result.report, contract: job.contract, knownAt: knownAt))
        // Freeing millions of records and lines one by one takes a third of a second at national scale;
        // the process ends here, so the operating system takes the memory back at once instead.
        Foundation.exit(0)
    }
}
