import Foundation
@testable import PbRStore
import SQLKit
import PbRTestSupport
import Testing

/// Only a command that writes a journal creates a store; every other refuses a location with no store,
/// and nothing that is not a store is ever opened as one.
@Suite("Opening a store")
struct StoreOpeningTests {
    @Test func aStoreThatIsNotThereIsRefusedAndNotCreated() async throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("pbr.sqlit").path
        await #expect(throws: StoreError.notFound("no store at \(path): `pbr import` creates one (or give --db the store's path)")) {
            try await JournalStore.open(path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aStoreInAFolderThatIsNotThereIsRefused() async throws {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("missing")
        let path = folder.appendingPathComponent("pbr.sqlite").path
        await #expect(throws: StoreError.cannotOpen("cannot create the store \(path): the folder \(folder.path) does not exist")) {
            try await JournalStore.open(path, .createIfMissing)
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas() async throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("notes.csv")
        try Data("client_id,sex\nA001,M\n".utf8).write(to: url)
        await #expect(throws: StoreError.cannotOpen("\(url.path) is not a SQLite database, so not a PbR store")) {
            try await JournalStore.open(url.path, .createIfMissing)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "client_id,sex\nA001,M\n")
    }

    @Test func aSQLiteDatabaseOfSomethingElseIsNotTakenOver() async throws {
        // A SQLite database with a table of its own, made by Python's sqlite3 (not by PbR).
        let path = try Fixtures.temporaryFolder().appendingPathComponent("budget.sqlite").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE budget (x)'); c.commit()", path]
        try process.run()
        process.waitUntilExit()
        await #expect(throws: StoreError.cannotOpen("\(path) is a SQLite database of something else (tables budget), not a PbR store")) {
            try await JournalStore.open(path, .createIfMissing)
        }
    }

    /// A new SQLite store is written in 16 KiB pages, and keeps them when opened again.
    @Test func aNewSQLiteStoreHasSixteenKiBPages() async throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("pages.sqlite").path
        for mode in [JournalStore.OpenMode.createIfMissing, .existing] {
            let store = try await JournalStore.open(path, mode)
            let size = try await store.database.raw("PRAGMA page_size").first()?.decode(column: "page_size", as: Int.self)
            #expect(size == 16_384, "\(mode)")
            try await store.close()
        }
    }

    @Test func aNewStoreSaysSoAndAnOpenedOneDoesNot() async throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("pbr.sqlite").path
        let created = try await JournalStore.open(path, .createIfMissing)
        #expect(created.isNew)
        try await created.close()
        let opened = try await JournalStore.open(path)
        #expect(!opened.isNew)
        try await opened.close()
    }

    @Test func aRefusedPostgreSQLConnectionSaysWhy() async throws {
        // Port 1 on this machine: nothing listens there.
        await #expect(throws: StoreError.cannotOpen("cannot connect to PostgreSQL at 127.0.0.1:1: connection refused: is a PostgreSQL server running there?")) {
            try await JournalStore.open("postgres://pbr:secret@127.0.0.1:1/pbr?sslmode=disable")
        }
    }

    @Test func aPostgreSQLDatabaseThatIsNotThereIsNamed() async throws {
        guard testingPostgres, let base = ProcessInfo.processInfo.environment["PBR_TEST_POSTGRES_URL"],
              case .postgres(let address) = try StoreLocation.parse(base) else { return }
        let missing = base.replacingOccurrences(of: "/\(address.database)?", with: "/no_such_database?")
        await #expect(throws: StoreError.cannotOpen("PostgreSQL at \(address.host):\(address.port) has no database 'no_such_database'")) {
            try await JournalStore.open(missing)
        }
    }

    @Test func aPostgreSQLSchemaWithNoStoreIsRefusedAndNotCreated() async throws {
        guard testingPostgres else { return }
        let location = try temporaryLocation()
        await #expect(throws: StoreError.self) { try await JournalStore.open(location) }
        let created = try await JournalStore.open(location, .createIfMissing)
        #expect(created.isNew)
        try await created.close()
    }
}
