import ArgumentParser
import Foundation
import PbRSimulation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded synthetic extract: a treatment extract, late police data and a correction batch.")

    @Option(help: "The folder to write the three extract folders into (created).")
    var dir: String

    @OptionGroup var synthetic: SyntheticOptions

    func run() throws {
        let written = try writeSyntheticExtract(to: URL(fileURLWithPath: dir),
                                                synthetic.configuration)
        for extract in written {
            print("\(extract.folder.path): \(extract.rows) rows, known at \(extract.knownAt)")
        }
    }
}
