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
