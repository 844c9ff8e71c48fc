import Foundation
import PbRCore
import PbRImport
import PbRSimulation
import PbRTestSupport
import SQLKit
@testable import PbRStore
import Testing

/// A run reads a SQLite journal straight from SQLite's handle (`SQLiteHandle.eachRow`): it sees what
/// reading through SQLiteNIO, the way kept for when the handle cannot be reached, sees; and a stored row
/// that is not what the journal writes is damage, said as such, either way.
@Suite("Reading the journal on SQLite's handle")
struct JournalReadTests {
    /// A store with the small example and three synthetic extracts (withdrawals among them).
    func filledStore() async throws -> JournalStore {
        let store = try await temporarySQLiteStore()
        let folder = try Fixtures.temporaryFolder()
        for extract in [Fixtures.url("small/batch1"), Fixtures.url("small/batch2")] { try await importExtract(extract, into: store) }
        for batch in SyntheticExtract.generate(.init(clients: 400, providers: 3, seed: 17)) {
            let extract = folder.appendingPathComponent(batch.name)
            try ExtractWriter.write(to: extract, knownAt: batch.knownAt, source: batch.source, records: batch.records,
                                    withdrawals: batch.withdrawals.map { ($0.kind, $0.key) })
            try await importExtract(extract, into: store)
        }
        return store
    }

    /// Every history read one way or the other, as text in client order.
    func read(_ store: JournalStore, knownAt: Moment?, client: ClientID? = nil, onHandle: Bool) async throws -> [String] {
        try await store.histories(knownAt: knownAt, throughImport: nil, client: client, progress: nil, onHandle: onHandle)
            .sorted { $0.clientID < $1.clientID }.map { String(describing: $0) }
    }

    @Test func theHandleReadsWhatSQLiteNIOReads() async throws {
        let store = try await filledStore()
        let withdrawn = try await store.database.raw("SELECT count(*) AS n FROM journal WHERE deleted = 1").first()?
            .decode(column: "n", as: Int.self) ?? 0
        #expect(withdrawn > 0)
        for knownAt in [nil, Moment(iso: "2013-06-05T09:00:00+01:00")] {
            let onHandle = try await read(store, knownAt: knownAt, onHandle: true)
            #expect(onHandle.count > (knownAt == nil ? 400 : 0) && onHandle.contains { $0.contains("TopReview") })
            #expect(try await read(store, knownAt: knownAt, onHandle: false) == onHandle)
        }
        let one = try await read(store, knownAt: nil, client: ClientID("A001"), onHandle: true)
        #expect(one.count == 1)
        #expect(try await read(store, knownAt: nil, client: ClientID("A001"), onHandle: false) == one)
        try await store.close()
    }

    /// A record re-sent, withdrawn and sent again, and another withdrawn, read at each import's cut-off:
    /// each read sees the latest version at or before it, and no withdrawn record.
    @Test func eachCutOffSeesEachRecordsLatestVersionAndNoWithdrawnOne() async throws {
        let store = try await temporarySQLiteStore()
        func event(_ id: String, _ detail: String) -> JournalRow {
            JournalRow(.event(Event(recordID: RecordID(id), clientID: ClientID("A001"), on: day("2013-05-01"), kind: .goalAgreed, detail: detail)))
        }
        func withdrawal(_ id: String) -> JournalRow { JournalRow(kind: .events, key: id, clientID: "A001", fields: "", withdraws: true) }
        let imports: [(String, [JournalRow])] = [
            ("2013-06-01T00:00:00Z", [JournalRow(.client(Client(id: ClientID("A001")))), event("1", "first"), event("2", "kept")]),
            ("2013-07-01T00:00:00Z", [event("1", "second"), withdrawal("2")]),
            ("2013-08-01T00:00:00Z", [withdrawal("1")]),
            ("2013-09-01T00:00:00Z", [event("1", "third")]),
        ]
        for (index, (knownAt, rows)) in imports.enumerated() {
            let header = ImportHeader(knownAt: Moment(iso: knownAt)!, source: "test", digest: "d\(index)", origin: "test", importedBy: "test")
            _ = try await store.importing(header) { session in
                try await session.write(rows)
                return ImportOutcome(rowsRejected: 0, warnings: [])
            }
        }
        for ((knownAt, _), expected) in zip(imports, [["first", "kept"], ["second"], [], ["third"]]) {
            let histories = try await store.histories(knownAt: Moment(iso: knownAt))
            #expect(histories.count == 1)
            #expect(histories.first?.events.map(\.detail) == expected, "known at \(knownAt)")
        }
        try await store.close()
    }

    /// A row's fields stored as bytes, not text, as no import writes them.
    @Test func aRowThatIsNotTextIsDamageEitherWay() async throws {
        let store = try await filledStore()
        try await store.database.raw("""
            UPDATE journal SET fields = X'00FF' WHERE (kind, record_key, known_at_epoch, import_id) =
                (SELECT kind, record_key, known_at_epoch, import_id FROM journal WHERE kind = 'top' AND deleted = 0 LIMIT 1)
            """).run()
        for onHandle in [true, false] {
            await #expect {
                _ = try await read(store, knownAt: nil, onHandle: onHandle)
            } throws: { error in
                guard case StoreError.corrupt(let reason) = error else { return false }
                return reason.contains("journal")
            }
        }
        try await store.close()
    }
}
