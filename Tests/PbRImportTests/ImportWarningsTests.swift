import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// What an import lets through but says: each warning in the receipt and in the audit trail.
@Suite("Import warnings")
struct ImportWarningsTests {
    static let clients = "client_id,sex,birth_year\nA001,M,1978\nA002,F,1985\n"
    static let episodes = "record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"
        + "10,A001,P01,2012-05-01,2012-05-14,,,opiates,,,self\n11,A002,P02,2013-06-01,2013-06-05,2013-07-01,dropped_out,alcohol,,,gp\n"
    static let events = "record_id,client_id,on,kind,detail\n1,A001,2013-06-05,goal_agreed,\n2,A001,2013-06-06,goal_agreed,\n"
        + "3,A001,2012-01-01,goal_agreed,\n4,A002,2014-01-01,work_activity,\n"

    /// Imports the folder into the store: the receipt's warnings and the audit trail's for the same import.
    func warnings(_ folder: URL, into store: JournalStore, skipBadRows: Bool = false, allowExtra: Bool = false) async throws
        -> (receipt: [String], recorded: [String]) {
        let rejects = try Fixtures.temporaryFolder().appendingPathComponent("rejects.csv")
        let receipt = try await ExtractImport(folder: folder, importedBy: "test", skipBadRows: skipBadRows,
                                              rejects: skipBadRows ? rejects : nil, allowExtra: allowExtra).run(into: store)
        let recorded = try await store.imports().first { $0.id == receipt.importID }?.warnings ?? []
        return (receipt.warnings, recorded)
    }

    func warnings(_ files: [String: String], skipBadRows: Bool = false, allowExtra: Bool = false) async throws -> [String] {
        let (store, _) = try await temporaryStore()
        let (receipt, recorded) = try await warnings(ExtractFolders.write(files), into: store, skipBadRows: skipBadRows,
                                                     allowExtra: allowExtra)
        try await store.close()
        #expect(recorded == receipt)
        return receipt
    }

    @Test func aCleanExtractHasNoWarnings() async throws {
        #expect(try await warnings(["clients.csv": Self.clients]) == [])
    }

    @Test func anExtractKnownEarlierThanAnImportInTheStoreIsImportedWithAWarning() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await importExtract(Fixtures.url("small/batch2"), into: store)  // known at 2013-08-06T09:00:00+01:00
        let police = try ExtractFolders.write(["offences.csv": "record_id,client_id,offence_on,proven_on,trigger,category\n9,A004,2013-01-05,,N,assault\n"],
                                              knownAt: "2013-07-01T09:00:00+01:00")
        let (receipt, recorded) = try await warnings(police, into: store)
        let offences = try await store.histories(knownAt: nil).flatMap(\.offences).count
        try await store.close()
        #expect(receipt == ["known_at 2013-07-01T09:00:00+01:00 is earlier than that of import #2 (2013-08-06T09:00:00+01:00): "
                            + "runs with a cut-off between the two now see this extract, which they did not before"])
        #expect(recorded == receipt)
        #expect(offences == 4)
    }

    @Test func factsDatedAfterKnownAtAreImportedWithOneWarningPerFile() async throws {
        #expect(try await warnings(["clients.csv": Self.clients, "episodes.csv": Self.episodes, "events.csv": Self.events]) == [
            "episodes.csv: 1 date is after the known_at day 2013-06-05; the first on line 3, column end_on: 2013-07-01",
            "events.csv: 2 dates are after the known_at day 2013-06-05; the first on line 3, column on: 2013-06-06",
        ])
    }

    @Test func aBirthYearAfterTheKnownAtYearIsImportedWithAWarning() async throws {
        #expect(try await warnings(["clients.csv": Self.clients + "A003,F,2014\nA004,M,2013\nA005,M,2015\n"])
                == ["clients.csv: 2 birth_years are after the known_at year 2013; the first on line 4, column birth_year: 2014"])
    }

    @Test func extraColumnsAreIgnoredWithAWarningWhenAllowed() async throws {
        let clients = "client_id,sex,birth_year,nhs_number\nA001,M,1978,123\n"
        #expect(try await warnings(["clients.csv": clients], allowExtra: true)
                == ["clients.csv, line 1, column nhs_number: unknown column; ignored (--allow-extra)"])
    }

    @Test func extraFilesAreIgnoredWithAWarningWhenAllowed() async throws {
        #expect(try await warnings(["clients.csv": Self.clients, "Events.csv": Self.events, "notes.txt": "x"], allowExtra: true) == [
            "Events.csv: not a file of the extract format (did you mean events.csv?); ignored (--allow-extra)",
            "notes.txt: not a file of the extract format; ignored (--allow-extra)",
        ])
    }

    @Test func withSkipBadRowsAHeaderThatKeptRowsOutIsAWarning() async throws {
        let events = "record_id,client_id,on,kind\n1,A001,2012-06-01,goal_agreed\n"
        #expect(try await warnings(["clients.csv": Self.clients, "events.csv": events], skipBadRows: true) == [
            "events.csv, line 1, column detail: the header has no detail column (1 row of the file not imported); "
                + "the rows it kept out are in the rejects file",
        ])
    }
}
