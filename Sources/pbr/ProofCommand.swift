import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRStore

struct ProofCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Framework proofing before signing: what a provider can earn from each client profile, at most and on stated rates.",
        discussion: """
            Each profile (presenting substances, offending, injecting, housing, work, band) is a synthetic client \
            who reaches everything, run through the engine; expected = each outcome's price times its stated rate. \
            See docs/diagnostics.md (Framework proofing) for the profiles, the rates and how the figures are made.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The contract: a file (YAML, e.g. contracts/national-pilot.yaml), or the id of a contract in the store.")
    var contract: String

    @Option(help: "The stated rates (YAML; see docs/diagnostics.md). Default: the shipped rates.")
    var rates: String?

    @Option(help: "The day the synthetic journeys start (YYYY-MM-DD). Default: the contract's start.", transform: Day.argument)
    var start: Day?

    @Option(help: "Rank by the most a provider can earn (ties: the expected earning), or by the expected earning (ties: the most).")
    var order: ProofRun.RankOrder = .most

    @Option(help: "How many of the least-paid profiles to print and chart.")
    var show = 20

    @Option(help: "Write every profile as CSV here.")
    var csv: String?

    @Option(help: "Write a printable HTML report with a chart of the least-paid profiles here.")
    var html: String?

    func validate() throws {
        guard show >= 1 else { throw ValidationError("--show must be at least 1") }
    }

    func run() async throws {
        var inputs = RunInputs()
        inputs.store(store.location)
        if FileManager.default.fileExists(atPath: contract) { inputs.file("the contract", contract) }
        if let rates { inputs.file("the rates", rates) }
        try OutputFiles.check([("--csv", csv), ("--html", html)].compactMap { option, path in path.map { (option, $0) } },
                              against: inputs)
        let proof = try await FrameworkProof.prepare(contract: contract, store: store.location, rates: rates, start: start)
        let result = try proof.run(order: order)
        let record = Provenance(command: "proof", store: store.location.description, contract: result.stamp, asOf: result.asOf)
        if let csv {
            try OutputFiles.write(Array(ProofCSV.render(result.earnings).utf8), to: csv, provenance: record)
        }
        if let html {
            try OutputFiles.write(Array(ProofHTML.render(result, charted: show).utf8), to: html, provenance: record,
                                  rows: result.earnings.count)
        }
        print(ProofText.render(result, show: show))
    }
}

extension ProofRun.RankOrder: ExpressibleByArgument {}
