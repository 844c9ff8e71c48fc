import Foundation
import PbRImport
import PbRTestSupport
@testable import PbRStore
import SQLKit
import Testing

/// A first import into a SQLite store makes the journal's client index once its rows are in, instead
/// of row by row: the store it leaves has the same index, found by the same queries, whatever happens.
@Suite("The journal's client index after a first import")
struct ClientIndexTests {
    /// The index's definition as SQLite keeps it, or nil when there is none.
    func clientIndex(_ store: JournalStore) async throws -> String? {
        try await store.database.raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'journal_by_client'")
            .first()?.decode(column: "sql", as: String.self)
    }

    /// One client's rows counted through the index (as a client's page reads them: SQLite refuses
    /// `INDEXED BY` an index it lacks) and without it.
    func clientRows(_ store: JournalStore) async throws -> (byIndex: Int, all: Int) {
        func count(_ table: String) async throws -> Int {
            try await store.database.raw(SQLQueryString("SELECT count(*) AS n FROM \(table) WHERE client_id = 'A001'"))
                .first()?.decode(column: "n", as: Int.self) ?? -1
        }
        return (try await count("journal INDEXED BY journal_by_client"), try await count("journal"))
    }

    @Test func aFirstImportLeavesTheIndexTheMigrationMade() async throws {
        let store = try await temporarySQLiteStore()
        let made = try await clientIndex(store)
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        #expect(try await clientIndex(store) == made)
        #expect(made?.contains("journal_by_client ON journal (client_id, kind)") == true)
        // Its sort had helper threads; the connection's other sorts are back to none.
        #expect(try await store.database.raw("PRAGMA threads").first()?.decode(column: "threads", as: Int.self) == 0)
        let rows = try await clientRows(store)
        #expect(rows.all > 0 && rows.byIndex == rows.all)
        #expect(try await store.check().isEmpty)
        try await store.close()
    }

    /// The index is dropped inside the import's transaction, so a refused first import puts it back.
    @Test func aRefusedFirstImportLeavesTheIndexInPlace() async throws {
        let store = try await temporarySQLiteStore()
        let made = try await clientIndex(store)
        let folder = try Fixtures.temporaryFolder()
        try Data("known_at: '2013-06-05T09:00:00+01:00'\nsource: test\n".utf8).write(to: folder.appendingPathComponent("extract.yaml"))
        try Data("client_id,sex,birth_year\nA001,M,1978\nA002,Q,1985\n".utf8).write(to: folder.appendingPathComponent("clients.csv"))
        await #expect(throws: ExtractRefused.self) { try await importExtract(folder, into: store) }
        #expect(try await clientIndex(store) == made)
        #expect(try await clientRows(store) == (0, 0))
        try await store.close()
    }

    /// A later import finds the journal not empty and keeps the index as it goes: both imports' rows are in it.
    @Test func aLaterImportKeepsItsRowsInTheIndex() async throws {
        let store = try await temporarySQLiteStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        let all = try await store.database.raw("SELECT count(*) AS n FROM journal").first()?.decode(column: "n", as: Int.self)
        let byIndex = try await store.database.raw("SELECT count(*) AS n FROM journal INDEXED BY journal_by_client WHERE client_id >= ''")
            .first()?.decode(column: "n", as: Int.self)
        #expect(all != nil && all == byIndex)
        #expect(try await store.check().isEmpty)
        try await store.close()
    }
}
