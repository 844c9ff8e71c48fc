import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRSimulation

/// Generates a seeded synthetic extract and writes each batch as an extract folder under `folder`.
/// - Returns: each batch's folder and `known_at`, in `known_at` order.
func writeSyntheticExtract(to folder: URL, _ configuration: SyntheticExtract.Configuration) throws -> [(folder: URL, knownAt: Moment, rows: Int)] {
    try SyntheticExtract.generate(configuration).map { batch in
        let extract = folder.appendingPathComponent(batch.name)
        try ExtractWriter.write(to: extract, knownAt: batch.knownAt, source: batch.source, records: batch.records,
                                withdrawals: batch.withdrawals.map { ($0.kind, $0.key) })
        return (extract, batch.knownAt, batch.records.count + batch.withdrawals.count)
    }
}

/// The generator's options, as `demo` and `generate` take them.
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
