import ArgumentParser
import Foundation
import PbRSimulation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded synthetic extract: a treatment extract, late police data and a correction batch.")

    @Option(help: "The folder to write the three extract folders into (created).")
    var dir: String

    @Option(help: "Synthetic clients.")
    var clients: Int = 3_000

    @Option(help: "Providers P01, P02, ...")
    var providers: Int = 5

    @Option(help: "The generator's seed: the same seed gives the same extract.")
    var seed: UInt64 = 2012

    func validate() throws {
        guard clients > 0, providers > 0 else { throw ValidationError("--clients and --providers must be at least 1") }
    }

    func run() throws {
        let written = try writeSyntheticExtract(to: URL(fileURLWithPath: dir),
                                                .init(clients: clients, providers: providers, seed: seed))
        for extract in written {
            print("\(extract.folder.path): \(extract.rows) rows, known at \(extract.knownAt)")
        }
    }
}
