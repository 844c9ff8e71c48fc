import Foundation
import SQLKit

/// What a first import into a SQLite store (an empty journal) does differently, for speed: it writes its
/// rows with a rollback journal instead of the WAL, and makes the journal's client index once its rows
/// are in. Neither changes what the store holds, and a later import does neither (BENCHMARKS.md, issue 12).
extension JournalStore {
    /// Runs `body` (the import's transaction) with a rollback journal when this is a first import and no
    /// other connection has the store open; otherwise as it is.
    ///
    /// Why: in WAL mode every page is written twice, to the WAL and then back by the checkpoint at the
    /// commit. With a rollback journal, the pages of an empty store are written once, and the journal keeps
    /// only the few pages that held something before (a national import a ninth faster). A commit is as
    /// atomic, and a killed import is rolled back when the store is next opened, as before.
    ///
    /// SQLite leaves WAL only when no other connection has the file open, so nobody reading the store
    /// meets the change: with another connection open the import keeps the WAL. Every open sets WAL again,
    /// so a store left in the other mode by a kill comes back at its next open.
    func writingFirstImport<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard try await leavesWALForFirstImport() else { return try await body() }
        do {
            let result = try await body()
            await returnToWAL()
            return result
        } catch {
            await returnToWAL()
            throw error
        }
    }

    /// Switches to a rollback journal when the journal is empty and no other connection has the store open.
    private func leavesWALForFirstImport() async throws -> Bool {
        // Asked before the transaction, where the journal mode can still change; the import asks again
        // inside it (`dropsClientIndexForFirstImport`), where the answer cannot change under it.
        guard connection.isSQLite, try await journalIsEmpty(database) else { return false }
        // Refused at once (SQLite does not wait for a busy store here) when another connection has it open.
        let mode = try? await database.raw("PRAGMA journal_mode = DELETE").first()?.decode(column: "journal_mode", as: String.self)
        guard mode == "delete" else { return false }
        // FULL: with a rollback journal, NORMAL could leave a damaged file after a power cut (SQLite's
        // documentation); it costs a few syncs at the commit.
        try await database.raw("PRAGMA synchronous = FULL").run()
        return true
    }

    /// Back to WAL with NORMAL sync, as every open sets them. Should a connection opened meanwhile keep the
    /// switch from being made, the next open makes it.
    private func returnToWAL() async {
        _ = try? await database.raw("PRAGMA synchronous = NORMAL").run()
        _ = try? await database.raw("PRAGMA journal_mode = WAL").run()
    }

    /// On SQLite, the first import into a store (an empty journal) builds the journal's client index once
    /// its rows are in, instead of row by row: one sort of a national extract's 1.3 million entries costs
    /// less than keeping the index as each row lands (BENCHMARKS.md, issue 12). The index is dropped and
    /// made again inside the import's transaction, so a failed import leaves it as it was, and readers on
    /// other connections keep seeing it. Not on PostgreSQL, where dropping an index locks out readers.
    /// - Returns: whether the index was dropped, to be made again once the rows are written.
    func dropsClientIndexForFirstImport(_ db: any SQLDatabase) async throws -> Bool {
        guard connection.isSQLite, try await journalIsEmpty(db) else { return false }
        try await db.raw("DROP INDEX journal_by_client").run()
        return true
    }

    /// Makes the index `dropsClientIndexForFirstImport` dropped, its sort on every core: nothing else runs
    /// by then (SQLite's helper threads, `PRAGMA threads`; a national index a second sooner). The
    /// connection's other sorts keep one thread, whatever happens here.
    func makesClientIndexAgain(_ db: any SQLDatabase) async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        try await db.raw("PRAGMA threads = \(unsafeRaw: String(cores))").run()
        do {
            try await db.raw(SQLQueryString(Migrations.journalByClient)).run()
        } catch {
            _ = try? await db.raw("PRAGMA threads = 0").run()
            throw error
        }
        try await db.raw("PRAGMA threads = 0").run()
    }

    private func journalIsEmpty(_ db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT 1 AS one FROM journal LIMIT 1").first() == nil
    }
}
