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
