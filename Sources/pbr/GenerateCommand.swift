import ArgumentParser
import Foundation
import PbRImport
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
        for batch in SyntheticExtract.generate(.init(clients: clients, providers: providers, seed: seed)) {
            let folder = URL(fileURLWithPath: dir).appendingPathComponent(batch.name)
            try ExtractWriter.write(to: folder, knownAt: batch.knownAt, source: batch.source, records: batch.records,
                                    withdrawals: batch.withdrawals.map { ($0.kind, $0.key) })
            print("\(folder.path): \(batch.records.count) records, \(batch.withdrawals.count) withdrawals, known at \(batch.knownAt)")
        }
    }
}
