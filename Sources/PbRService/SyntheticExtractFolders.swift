import Foundation
import PbRCore
import PbRImport
import PbRSimulation

/// A seeded synthetic extract written as extract folders, one per batch, into a folder PbR keeps.
public enum SyntheticExtractFolders {
    public struct Written: Sendable {
        public var folder: URL
        public var knownAt: Moment
        public var rows: Int
    }

    /// - Returns: each batch's folder, `known_at` and rows, in `known_at` order.
    public static func write(into folder: inout WorkFolder, _ configuration: SyntheticExtract.Configuration) throws -> [Written] {
        try SyntheticExtract.generate(configuration).map { batch in
            let extract = try folder.claim(batch.name)
            try ExtractWriter.write(to: extract, knownAt: batch.knownAt, source: batch.source, records: batch.records,
                                    withdrawals: batch.withdrawals.map { ($0.kind, $0.key) })
            return Written(folder: extract, knownAt: batch.knownAt, rows: batch.records.count + batch.withdrawals.count)
        }
    }
}

/// A synthetic area with a harm planted (`PlantedHarmArea`) written as one extract folder, known on the
/// day after the area's last day: what the demo diagnoses.
public enum PlantedHarmFolder {
    public static func write(into folder: inout WorkFolder, name: String, _ area: PlantedHarmArea) throws -> SyntheticExtractFolders.Written {
        let extract = try folder.claim(name)
        let knownAt = Moment(iso: "\(area.through.adding(days: 1))T09:00:00Z")!
        let records = area.records().flatMap { $0 }
        try ExtractWriter.write(to: extract, knownAt: knownAt, source: "synthetic area, \(area.harm.diagnostic ?? "no") harm planted at \(area.harmAt)",
                                records: records)
        return .init(folder: extract, knownAt: knownAt, rows: records.count)
    }
}

