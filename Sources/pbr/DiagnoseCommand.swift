import ArgumentParser
import Foundation
import PbRCore
import PbRService
import PbRStore

struct DiagnoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Watch for harm: starts, completions, creaming, parking, self-report, bunching and deaths, month by month.",
        discussion: "Each measure is judged against the 24 months before the contract's start; an alert names the diagnostic, the "
            + "provider, the first month whose data raised it, and the clients behind it. Methods and false-alarm rates: docs/diagnostics.md.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The contract: a file (YAML), or the id of a contract in the store.")
    var contract: String

    @Option(help: "The run's day (YYYY-MM-DD): the months that have ended by it are judged.", transform: Day.argument)
    var asOf: Day

    @Option(help: "See only data known at or before this moment (ISO 8601 with a zone, or a day). Default: all imported.",
            transform: Moment.argument)
    var knownAt: Moment?

    @Option(help: "Write the diagnostics as JSON here (DOMAIN.md's format).")
    var json: String?

    @Option(help: "Write the diagnostics as an HTML report with SVG charts here, to read or print.")
    var html: String?

    @Option(help: "Comparison areas' monthly figures (CSV: area_id, month, measure, value), for the comparison diagnostic.")
    var comparison: String?

    @Flag(help: "Print how long loading and diagnosing took (for pbr bench).")
    var timings = false

    /// What no output may overwrite: the store, the contract file and the comparison file.
    func inputs(_ terms: ContractArgument) -> RunInputs {
        var inputs = terms.inputs(store.location)
        if let comparison { inputs.file("the comparison file", comparison) }
        return inputs
    }

    func run() async throws {
        var clock = Date()
        func lap(_ step: String) {
            if timings { print("timing \(step) \(String(format: "%.2f", Date().timeIntervalSince(clock)))s") }
            clock = Date()
        }
        let terms = try ContractArgument(contract)
        try OutputFiles.check([("--json", json), ("--html", html)].compactMap { option, path in path.map { (option, $0) } },
                              against: inputs(terms))
        let areas = try comparison.map(ComparisonSource.load)
        let journal = try await store.open()
        let result: DiagnoseJob.Result
        do {
            result = try await DiagnoseJob(terms.job(in: journal, asOf: asOf, knownAt: knownAt), comparison: areas).diagnose(on: journal, lap: lap)
            try await journal.close()
        } catch {
            try? await journal.close()
            throw error
        }
        result.warnings.forEach(warn)
        if let json { try OutputFiles.write(DiagnosticsJSON.bytes(result.report), to: json, provenance: result.provenance, rows: 0) }
        if let html { try OutputFiles.write(Array(DiagnosticsHTML.render(result.report).utf8), to: html, provenance: result.provenance, rows: 0) }
        lap("write")
        print(DiagnosticsText.render(result.report))
    }
}
