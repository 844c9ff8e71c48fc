import Foundation
import PbRCore

/// Reads an extract folder and checks every row: codes, dates and ranges (through `RecordSchema`),
/// duplicated keys, and references to clients and episodes in the extract or already in the store.
public struct ExtractReader: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// - Throws: `ExtractRefused` when the folder or a file cannot be read at all (no extract.yaml, a
    ///   file with no header or no key column, malformed CSV). Bad rows do not throw: they are in `issues`.
    public func read(existing: any ExistingRecords) async throws -> ValidatedExtract {
        var digest = SHA256()
        let metadataURL = folder.appendingPathComponent("extract.yaml")
        guard let metadataBytes = FileManager.default.contents(atPath: metadataURL.path) else {
            throw ExtractRefused(issues: [RowIssue(file: "extract.yaml", line: 0,
                                                   reason: "missing: an extract folder needs extract.yaml with known_at and source")])
        }
        digest.update(metadataBytes)
        let metadata = try ExtractMetadata.parse(String(decoding: metadataBytes, as: UTF8.self))
        var present: [(RecordKind, [UInt8])] = []
        for kind in RecordKind.allCases {
            let url = folder.appendingPathComponent(kind.fileName)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let bytes = [UInt8](data)
            digest.update(kind.fileName + "\n\(bytes.count)\n")
            digest.update(bytes)
            present.append((kind, bytes))
        }
        // Files parse independently: one per core.
        let files = present
        let parsed = concurrentMap(files.count) { ParsedFile.parse(kind: files[$0].0, bytes: files[$0].1) }
        var good: [ParsedFile] = []
        var fatal: [RowIssue] = []
        for result in parsed {
            switch result {
            case .success(let file): good.append(file)
            case .failure(let refused): fatal += refused.issues
            }
        }
        guard fatal.isEmpty else { throw ExtractRefused(issues: fatal) }
        let rowsRead = Dictionary(uniqueKeysWithValues: good.map { ($0.kind, $0.rowCount) })
        var checker = ReferenceChecker(files: consume good)
        try await checker.loadExisting(from: existing)
        let (rows, issues) = checker.check()
        return ValidatedExtract(
            metadata: metadata, digest: digest.finalize(), origin: folder.path, rows: rows, issues: issues,
            rowsRead: rowsRead)
    }
}
