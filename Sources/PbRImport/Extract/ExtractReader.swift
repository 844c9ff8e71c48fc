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
        var files: [ParsedFile] = []
        var fatal: [RowIssue] = []
        for kind in RecordKind.allCases {
            let url = folder.appendingPathComponent(kind.fileName)
            guard let bytes = FileManager.default.contents(atPath: url.path) else { continue }
            digest.update(kind.fileName + "\n\(bytes.count)\n")
            digest.update(bytes)
            switch ParsedFile.parse(kind: kind, bytes: [UInt8](bytes)) {
            case .success(let file): files.append(file)
            case .failure(let refused): fatal += refused.issues
            }
        }
        guard fatal.isEmpty else { throw ExtractRefused(issues: fatal) }
        var checker = ReferenceChecker(files: files)
        try await checker.loadExisting(from: existing)
        let (rows, issues) = checker.check()
        return ValidatedExtract(
            metadata: metadata, digest: digest.finalize(), origin: folder.path, rows: rows, issues: issues,
            rowsRead: Dictionary(uniqueKeysWithValues: files.map { ($0.kind, $0.rowCount) }))
    }
}
