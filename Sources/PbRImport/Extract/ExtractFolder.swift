import Crypto
import Foundation
import PbRCore

/// One of the files of the format, present in an extract folder.
struct ExtractFile: Sendable {
    let kind: RecordKind
    let url: URL
    /// Its size when the folder was opened.
    let size: Int
}

/// An extract folder as found on disk: its `extract.yaml` and which of the format's files it has.
///
/// Anything else in it (but a hidden file or folder, whose name starts with a dot) is refused, or with
/// `allowExtra` ignored with a warning: `Events.csv` or `top (1).csv` is not read as if it were absent.
struct ExtractFolder: Sendable {
    static let metadataName = "extract.yaml"

    let url: URL
    let metadata: ExtractMetadata
    let metadataBytes: [UInt8]
    /// The files present, in `RecordKind` order (the order they are checked and digested in).
    let files: [ExtractFile]
    /// The entries ignored with `allowExtra`, as warnings.
    let warnings: [String]
    /// Each file's size and time of change when the folder was opened.
    private let stamps: [String]

    init(_ url: URL, allowExtra: Bool) throws(ExtractRefused) {
        self.url = url
        let metadataURL = url.appendingPathComponent(Self.metadataName)
        guard let data = FileManager.default.contents(atPath: metadataURL.path) else {
            throw ExtractRefused(issues: [RowIssue(file: "extract.yaml", line: 0,
                                                   reason: "missing: an extract folder needs extract.yaml with known_at and source")])
        }
        metadataBytes = [UInt8](data)
        metadata = try ExtractMetadata.parse(try Self.text(of: metadataBytes))
        let (files, others) = Self.entries(of: url)
        if !allowExtra, !others.isEmpty { throw ExtractRefused(issues: others) }
        self.files = files
        warnings = others.map(ImportWarnings.ignored)
        stamps = files.map { Self.stamp($0.url) }
    }

    /// extract.yaml as text: refused, not read with replacement characters, unless it is UTF-8.
    private static func text(of bytes: [UInt8]) throws(ExtractRefused) -> String {
        guard let offset = UTF8Check.firstInvalid(in: bytes) else { return String(decoding: bytes, as: UTF8.self) }
        let line = 1 + bytes[..<offset].count { $0 == UInt8(ascii: "\n") }
        throw ExtractRefused(issues: [RowIssue(file: "extract.yaml", line: line, reason: UTF8Check.reason(bytes[offset]))])
    }

    /// The format's files present, and a defect for every other entry (not a hidden one), in name order.
    private static func entries(of url: URL) -> ([ExtractFile], others: [RowIssue]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        let known = RecordKind.allCases.map(\.fileName)
        var files: [ExtractFile] = [], others: [RowIssue] = []
        for name in names where !name.hasPrefix(".") && name != metadataName {
            guard let kind = RecordKind.allCases.first(where: { $0.fileName == name }) else {
                let nearest = NearestName.suggestion(for: name, among: known).map { " (did you mean \($0)?)" } ?? ""
                others.append(RowIssue(file: name, line: 0, reason: "not a file of the extract format" + nearest))
                continue
            }
            let file = url.appendingPathComponent(name)
            // A link is read as what it leads to.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.resolvingSymlinksInPath().path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = attributes[.size] as? Int else {
                others.append(RowIssue(file: name, line: 0, reason: "is not a regular file"))
                continue
            }
            files.append(ExtractFile(kind: kind, url: file, size: size))
        }
        files.sort { $0.kind < $1.kind }
        return (files, others)
    }

    /// The digest is taken in a pass before the import, so the import checks that no file has changed
    /// since (a second digest would cost as much again): same size, same time of change.
    func unchanged() -> Bool { files.map { Self.stamp($0.url) } == stamps }

    private static func stamp(_ url: URL) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(attributes?[.size] as? Int ?? -1) \(date)"
    }

    /// SHA-256 of extract.yaml and then each file present, as its name, its size and its bytes: the same
    /// extract always has the same digest. Read a few MB at a time.
    /// - Parameter read: told each chunk's size as it is read.
    func digest(read reported: (Int) -> Void = { _ in }) throws(ExtractRefused) -> String {
        var digest = startDigest()
        for file in files {
            Self.addHeader(of: file, to: &digest)
            let read: Int
            do {
                let handle = try FileHandle(forReadingFrom: file.url)
                defer { try? handle.close() }
                var count = 0
                while let chunk = try handle.read(upToCount: RecordBlocks.blockSize), !chunk.isEmpty {
                    digest.update(data: chunk)
                    count += chunk.count
                    reported(chunk.count)
                }
                read = count
            } catch {
                throw ExtractRefused(issues: [RowIssue(file: file.kind.fileName, line: 0, reason: "cannot be read: \(error.localizedDescription)")])
            }
            guard read == file.size else { throw Self.changed(file.kind) }
        }
        return digest.finalize().hex
    }

    private func startDigest() -> SHA256 {
        var digest = SHA256()
        digest.update(data: metadataBytes)
        return digest
    }

    private static func addHeader(of file: ExtractFile, to digest: inout SHA256) {
        digest.update(data: Array((file.kind.fileName + "\n\(file.size)\n").utf8))
    }

    private static func changed(_ kind: RecordKind) -> ExtractRefused {
        ExtractRefused(issues: [RowIssue(file: kind.fileName, line: 0, reason: "changed while it was being imported; import it again")])
    }
}
