import Foundation
import PbRCore
import PbRImport
import PbRStore

/// An extract uploaded through the web (`POST /api/v1/imports`, the upload page): its files, each named
/// as DOMAIN.md names them (`extract.yaml` and the CSV files), imported as `pbr import` imports a
/// folder, all or nothing. An admin may upload any extract, a provider only records of its own
/// treatment (`ProviderUploadCheck`); the others may not upload.
public struct ExtractUpload: Sendable {
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
    }

    /// One defect of an upload: the file, its line (the header is line 1; 0 for the file as a whole),
    /// the column at fault, and why.
    public struct Defect: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var column: String?
        public var reason: String

        init(_ issue: RowIssue) { file = issue.file; line = issue.line; column = issue.column; reason = issue.reason }
    }

    /// What became of an upload: imported (or found imported before: `alreadyImported`), refused with
    /// each defect, or refused because it holds what the uploader may not send.
    public enum Outcome: Sendable {
        case imported(ImportReceipt)
        case refused([Defect])
        case forbidden([Defect])
    }

    public let store: JournalStore
    public let viewer: Viewer

    public init(store: JournalStore, viewer: Viewer) { self.store = store; self.viewer = viewer }

    /// - Throws: `AccessRefusal.forbidden` when the viewer may not upload at all.
    public func run(_ files: [File]) async throws -> Outcome {
        try Self.permit(viewer)
        let (named, problems) = Self.sorted(files)
        guard problems.isEmpty else { return .refused(problems.map(Defect.init)) }
        if viewer.role == .provider, let provider = viewer.providerID {
            var byKind: [RecordKind: [UInt8]] = [:]
            for kind in RecordKind.allCases { byKind[kind] = named[kind.fileName] }
            let issues = try await ProviderUploadCheck(provider: provider).issues(byKind, store: store)
            guard issues.isEmpty else { return .forbidden(issues.map(Defect.init)) }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbr-upload-\(UUID().uuidString)")
            .appendingPathComponent("uploaded by \(viewer.name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for (name, bytes) in named { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let receipt: ImportReceipt
        do {
            receipt = try await ExtractImport(folder: folder, importedBy: viewer.name).run(into: store)
        } catch let refused as ExtractRefused {
            return .refused(refused.issues.map(Defect.init))
        }
        if !receipt.alreadyImported {
            try await store.appendAudit(AuditRecord(actor: viewer.name, action: "extract.import", subject: "import #\(receipt.importID)",
                                                    detail: "\(receipt.rowsImported) rows, \(named.count) files"))
        }
        return .imported(receipt)
    }

    /// Refuses a viewer who may not upload, before its upload is read.
    /// - Throws: `AccessRefusal.forbidden`.
    public static func permit(_ viewer: Viewer) throws {
        guard viewer.uploadsExtracts else { throw AccessRefusal.forbidden("an extract is uploaded by an admin or a provider") }
    }

    /// The files by name, and a defect for each that is not of the format, comes twice, or is missing.
    static func sorted(_ files: [File]) -> ([String: [UInt8]], [RowIssue]) {
        let allowed = ["extract.yaml"] + RecordKind.allCases.map(\.fileName)
        var named: [String: [UInt8]] = [:], problems: [RowIssue] = []
        for file in files {
            if !allowed.contains(file.name) {
                problems.append(RowIssue(file: file.name, line: 0, reason: "not a file of the extract format (" + allowed.joined(separator: ", ") + ")"))
            } else if named[file.name] != nil {
                problems.append(RowIssue(file: file.name, line: 0, reason: "sent twice"))
            } else {
                named[file.name] = file.bytes
            }
        }
        if named["extract.yaml"] == nil, problems.isEmpty {
            problems.append(RowIssue(file: "extract.yaml", line: 0, reason: "missing: an extract needs extract.yaml with known_at and source"))
        }
        return (named, problems)
    }

    /// The imports on record that the viewer may see, newest first: an admin, commissioner or auditor
    /// every import; a provider those its own user made.
    public func imports() async throws -> [ImportSummary] {
        guard viewer.readsLedger else { throw AccessRefusal.forbidden("an \(viewer.role.rawValue) does not read the ledger, nor its imports") }
        let all = try await store.imports().reversed()
        return viewer.role == .provider ? all.filter { $0.importedBy == viewer.name } : Array(all)
    }
}
