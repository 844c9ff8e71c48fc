import Foundation
import PbRCore
import PbRImport
import PbRStore

/// Imports one extract folder into a store, as `pbr import` and `pbr demo` do: the folder is checked
/// before any store is opened, the rejects file may not land on an input, and a store this import
/// created is removed again when the import is refused, so that a mistake leaves nothing behind.
public struct ImportJob: Sendable {
    public var folder: String
    public var importedBy: String
    public var skipBadRows = false
    public var rejects: String?
    /// Keep columns and files not of the format on purpose: ignored, and recorded as warnings.
    public var allowExtra = false
    public var progress: (any ProgressDisplay)?

    public init(folder: String, importedBy: String, skipBadRows: Bool = false, rejects: String? = nil, allowExtra: Bool = false) {
        self.folder = folder; self.importedBy = importedBy; self.skipBadRows = skipBadRows; self.rejects = rejects
        self.allowExtra = allowExtra
    }

    /// Checks that the folder is an extract, and that the rejects file is not one of the inputs.
    public func check(store: StoreLocation) throws(Refusal) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw Refusal("\(folder): no such folder; an extract is a folder with extract.yaml and the CSV files")
        }
        guard isFolder.boolValue else {
            throw Refusal("\(folder) is a file, not an extract folder: give the folder that holds extract.yaml and the CSV files")
        }
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent("extract.yaml").path) else {
            throw Refusal("\(folder): extract.yaml: missing: an extract folder needs extract.yaml with known_at and source")
        }
        guard let rejects else { return }
        var inputs = RunInputs()
        inputs.store(store)
        inputs.folder("the extract", folder)
        try OutputFiles.check([("--rejects", rejects)], against: inputs)
    }

    /// Imports into an open store.
    /// - Throws: a `Refusal` listing the extract's defects when it is refused; the store is unchanged.
    public func run(into store: JournalStore) async throws -> ImportReceipt {
        try check(store: store.location)
        var job = ExtractImport(folder: URL(fileURLWithPath: folder), importedBy: importedBy, skipBadRows: skipBadRows,
                                rejects: rejects.map { URL(fileURLWithPath: $0) }, allowExtra: allowExtra)
        let bar = progress.map { ByteProgress(display: $0, label: "Importing \(URL(fileURLWithPath: folder).lastPathComponent)") }
        if let bar { job.progress = { @Sendable bytes, total in bar.advance(bytes, of: total) } }
        defer { bar?.finish() }
        do {
            return try await job.run(into: store)
        } catch let refused as ExtractRefused {
            throw Refusal(folder + ": " + refused.description)
        }
    }

    /// Checks the folder, opens the store (creating it if need be), imports, and closes the store.
    /// - Returns: the receipt, and whether this import created the store.
    public func run(at location: StoreLocation) async throws -> (receipt: ImportReceipt, createdStore: Bool) {
        try check(store: location)
        let store = try await JournalStore.open(location, .createIfMissing)
        do {
            let receipt = try await run(into: store)
            try await store.close()
            return (receipt, store.isNew)
        } catch {
            try? await store.close()
            if store.isNew, case .sqlite(let path) = location {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            throw error
        }
    }
}
