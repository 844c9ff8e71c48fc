import Foundation
import PbRCore
import PbRImport
import PbRStore

/// A store in a fresh temporary SQLite file.
public func temporaryStore() async throws -> (JournalStore, path: String) {
    let path = try Fixtures.temporaryFolder().appendingPathComponent("test.sqlite").path
    return (try await JournalStore.open(sqlitePath: path), path)
}

/// Reads an extract folder against the store and appends it, refusing it whole if any row is bad,
/// as `pbr import` does without --skip-bad-rows.
@discardableResult
public func importExtract(_ folder: URL, into store: JournalStore) async throws -> ImportReceipt {
    let extract = try await ExtractReader(folder: folder).read(existing: store)
    guard extract.issues.isEmpty else { throw ExtractRefused(issues: extract.issues) }
    return try await store.append(extract.batch, importedBy: "test")
}
