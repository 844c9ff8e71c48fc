import Foundation
import PbRCore
import PbRImport
import PbRStore

/// Where a test's store lives: a fresh SQLite file, or, when `PBR_TEST_POSTGRES_URL` is set (as
/// `.ci/run` and `scripts/test-postgres` do), a fresh schema in that PostgreSQL database.
public func temporaryLocation() throws -> String {
    if let url = ProcessInfo.processInfo.environment["PBR_TEST_POSTGRES_URL"], !url.isEmpty {
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return url + (url.contains("?") ? "&" : "?") + "schema=" + schema
    }
    return try Fixtures.temporaryFolder().appendingPathComponent("test.sqlite").path
}

/// True when the tests run against PostgreSQL.
public var testingPostgres: Bool { !(ProcessInfo.processInfo.environment["PBR_TEST_POSTGRES_URL"] ?? "").isEmpty }

/// A store at a fresh `temporaryLocation()`.
public func temporaryStore() async throws -> (JournalStore, path: String) {
    let location = try temporaryLocation()
    return (try await JournalStore.open(location, .createIfMissing), location)
}

/// A new SQLite store whichever database the other tests use: for what only SQLite has (its prepared
/// INSERT, its client index rebuilt after a first import, its page size).
public func temporarySQLiteStore() async throws -> JournalStore {
    try await JournalStore.open(try Fixtures.temporaryFolder().appendingPathComponent("store.sqlite").path, .createIfMissing)
}

/// Imports an extract folder, refusing it whole if any row is bad, as `pbr import` does without
/// --skip-bad-rows.
@discardableResult
public func importExtract(_ folder: URL, into store: JournalStore) async throws -> ImportReceipt {
    try await ExtractImport(folder: folder, importedBy: "test").run(into: store)
}
