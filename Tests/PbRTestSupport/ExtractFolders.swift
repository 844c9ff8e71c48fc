import Foundation
import PbRImport
import PbRStore

/// Extract folders written for one test, and what importing them gives.
public enum ExtractFolders {
    public static let knownAt = "2013-06-05T09:00:00+01:00"

    /// A folder with `extract.yaml` (known at `knownAt` unless `files` has its own) and the files, as text.
    public static func write(_ files: [String: String], knownAt: String = knownAt) throws -> URL {
        try write(bytes: files.mapValues { Array($0.utf8) }, knownAt: knownAt)
    }

    /// A folder with `extract.yaml` and the files, as bytes (for files that are not UTF-8).
    public static func write(bytes files: [String: [UInt8]], knownAt: String = knownAt) throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        var all = ["extract.yaml": Array("known_at: '\(knownAt)'\nsource: test\n".utf8)]
        all.merge(files) { $1 }
        for (name, bytes) in all { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// The defects that refuse the extract (each as `RowIssue.description`), or [] when it is imported.
    public static func defects(of folder: URL, into store: JournalStore) async throws -> [String] {
        do {
            try await importExtract(folder, into: store)
            return []
        } catch let refused as ExtractRefused {
            return refused.issues.map(\.description)
        }
    }

    /// The defects of the files imported into a new store, and how many imports it then holds.
    public static func defects(_ files: [String: String]) async throws -> (defects: [String], imports: Int) {
        let (store, _) = try await temporaryStore()
        let defects = try await defects(of: write(files), into: store)
        let imports = try await store.imports().count
        try await store.close()
        return (defects, imports)
    }
}
