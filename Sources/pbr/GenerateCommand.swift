import ArgumentParser
import Foundation
import PbRService
import PbRSimulation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded synthetic extract: a treatment extract, late police data and a correction batch.")

    @Option(help: "The folder to write the three extract folders into: new, empty, or made by an earlier generate.")
    var dir: String

    @OptionGroup var synthetic: SyntheticOptions

    func run() throws {
        var folder = try WorkFolder.prepare(dir, option: "--dir")
        for extract in try SyntheticExtractFolders.write(into: &folder, synthetic.configuration) {
            print("\(extract.folder.path): \(extract.rows) rows, known at \(extract.knownAt)")
        }
    }
}

/// The generator's options, as `demo`, `generate` and `bench` take them.
struct SyntheticOptions: ParsableArguments {
    @Option(help: "Synthetic clients.")
    var clients: Int = 3_000

    @Option(help: "Providers P01, P02, ...")
    var providers: Int = 5

    @Option(help: "The generator's seed: the same seed gives the same extract.")
    var seed: UInt64 = 2012

    var configuration: SyntheticExtract.Configuration { .init(clients: clients, providers: providers, seed: seed) }

    func validate() throws {
        guard clients > 0, providers > 0 else { throw ValidationError("--clients and --providers must be at least 1") }
    }
}
