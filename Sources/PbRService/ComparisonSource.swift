import Crypto
import Foundation
import PbRCore
import PbRImport

/// Comparison areas' figures as read from their file (`pbr diagnose --comparison FILE`), with the file's
/// digest for the record of every output they judge.
public struct ComparisonSource: Sendable {
    public let areas: ComparisonAreas
    public let path: String
    public let sha256: String

    /// - Throws: a `Refusal` naming the file, and each defective line and column.
    public static func load(_ path: String) throws(Refusal) -> ComparisonSource {
        let data = try InputFile.contents(path, what: "comparison file")
        do {
            return ComparisonSource(areas: try ComparisonFile.parse([UInt8](data), file: path), path: path, sha256: SHA256.hash(data: data).hex)
        } catch {
            throw Refusal(error.description)
        }
    }

    public var stamp: Provenance.FileStamp { .init(file: path, sha256: sha256) }
}
