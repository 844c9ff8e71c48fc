import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

@Suite("Journal store")
struct JournalStoreTests {
    func extract(_ files: [String: String], knownAt: String = "2013-06-05T09:00:00+01:00") throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        var all = ["extract.yaml": "known_at: '\(knownAt)'\nsource: test\n"]
        all.merge(files) { $1 }
        for (name, text) in all { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func anExtractWithABadRowImportsNothing() async throws {
        let (store, _) = try await temporaryStore()
        let bad = try extract(["clients.csv": "client_id,sex,birth_year\nA001,M,1978\nA002,Z,1985\n"])
        await #expect(throws: ExtractRefused.self) { try await importExtract(bad, into: store) }
        #expect(try await store.histories(knownAt: nil).isEmpty)
        #expect(try await store.imports().isEmpty)
        try await store.close()
    }

    @Test func skippingBadRowsImportsTheGoodOnesAndKeepsTheBadVerbatim() async throws {
        let (store, _) = try await temporaryStore()
        let mixed = try extract(["clients.csv": "client_id,sex,birth_year\nA001,M,1978\n\"A,002\",Z,1985\nA003,F,\n"])
        let rejects = try Fixtures.temporaryFolder().appendingPathComponent("rejects.csv")
        let receipt = try await ExtractImport(folder: mixed, importedBy: "test", skipBadRows: true, rejects: rejects).run(into: store)
        let clients = try await store.histories(knownAt: nil).map(\.clientID.rawValue).sorted()
        let imports = try await store.imports()
        try await store.close()
        #expect(receipt.rowsImported == 2 && receipt.rowsRejected == 1)
        #expect(imports.map { [$0.rowsImported, $0.rowsRejected] } == [[2, 1]])
        #expect(clients == ["A001", "A003"])
        let expected = "file,line,column,reason,row\n"
            + "clients.csv,3,sex,\"unknown code 'Z' (expected one of: M, F, X)\",\"\"\"A,002\"\",Z,1985\"\n"
        #expect(try String(contentsOf: rejects, encoding: .utf8) == expected)
    }

    @Test func aLaterExtractCanReferToRecordsAlreadyStored() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let police = try extract(["offences.csv": "record_id,client_id,offence_on,proven_on,trigger,category\n9,A004,2013-01-05,,N,assault\n"],
                                 knownAt: "2013-09-01T09:00:00+01:00")
        try await importExtract(police, into: store)
        let header = "record_id,client_id,episode_id,on,stage," + TopField.allCases.map(\.rawValue).joined(separator: ",")
        let answers = TopField.allCases.map { $0.scale == .flag ? "N" : "0" }.joined(separator: ",")
        let top = try extract(["top.csv": header + "\n500,A001,11,2012-07-01,review," + answers + "\n"],
                              knownAt: "2013-09-02T09:00:00+01:00")
        // Episode 11 is A002's: refused even though it lives only in the store.
        do {
            try await importExtract(top, into: store)
            Issue.record("a TOP for another client's episode was imported")
        } catch let refused as ExtractRefused {
            #expect(refused.issues.map(\.description) == ["top.csv, line 2, column episode_id: episode '11' belongs to client 'A002', not 'A001'"])
        }
        let histories = try await store.histories(knownAt: nil)
        try await store.close()
        #expect(histories.first { $0.clientID == ClientID("A004") }?.offences.count == 1)
    }

    @Test func aWithdrawnClientDisappearsForLaterRunsOnly() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let withdrawal = try extract(["clients.csv": "client_id,sex,birth_year,deleted\nA003,,,Y\n"], knownAt: "2013-07-01T00:00:00Z")
        try await importExtract(withdrawal, into: store)
        let now = try await store.histories(knownAt: nil).map(\.clientID.rawValue).sorted()
        let then = try await store.histories(knownAt: Moment(iso: "2013-06-30T00:00:00Z")!).map(\.clientID.rawValue).sorted()
        try await store.close()
        #expect(now == ["A001", "A002", "A004"])
        #expect(then == ["A001", "A002", "A003", "A004"])
    }

    @Test func aClientSentAgainAfterItsWithdrawalComesBackWithoutItsOldRecords() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let withdrawal = try extract(["clients.csv": "client_id,sex,birth_year,deleted\nA004,,,Y\n"], knownAt: "2013-07-01T00:00:00Z")
        try await importExtract(withdrawal, into: store)
        let resent = try extract(["clients.csv": "client_id,sex,birth_year\nA004,F,1990\n"], knownAt: "2013-07-02T00:00:00Z")
        try await importExtract(resent, into: store)
        let a004 = try await store.histories(knownAt: nil).first { $0.clientID == ClientID("A004") }
        try await store.close()
        #expect(a004?.client?.birthYear == 1990)
        #expect(a004?.episodes.isEmpty == true && a004?.events.isEmpty == true && a004?.assessments.isEmpty == true)
    }

    @Test func reopeningTheFileKeepsTheJournalAndAppliesNoMigrationTwice() async throws {
        let (store, path) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await store.close()
        let reopened = try await JournalStore.open(path)
        let clients = try await reopened.histories(knownAt: nil).count
        try await reopened.close()
        #expect(clients == 4)
    }
}
