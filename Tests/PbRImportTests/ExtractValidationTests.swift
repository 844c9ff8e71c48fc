import Foundation
import PbRCore
import PbRImport
import PbRStore
import PbRTestSupport
import Testing

/// Each defect of an extract is found with its file, line and column, and the good rows are kept apart.
/// Every extract here is imported for real, into a new store.
@Suite("Extract validation")
struct ExtractValidationTests {
    static let clients = "client_id,sex,birth_year\nA001,M,1978\nA002,F,1985\n"
    static let episodes = """
        record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source
        10,A001,P01,2012-05-01,2012-05-14,,,opiates,,,self
        11,A002,P02,2012-06-10,2012-06-18,,,alcohol,,,gp

        """
    static let topHeader = "record_id,client_id,episode_id,on,stage," + TopField.allCases.map(\.rawValue).joined(separator: ",")
    static func top(_ id: String, client: String = "A001", episode: String = "10", on: String = "2012-05-14",
                    stage: String = "start", opiates: String = "20") -> String {
        var values = TopField.allCases.map { $0.scale == .flag ? "N" : "0" }
        values[TopField.opiatesDays.index] = opiates
        return "\(id),\(client),\(episode),\(on),\(stage)," + values.joined(separator: ",")
    }

    func folder(_ files: [String: String]) throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        var all = ["extract.yaml": "known_at: '2013-06-05T09:00:00+01:00'\nsource: test\n"]
        all.merge(files) { $1 }
        for (name, text) in all { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// Imports the files with --skip-bad-rows: the receipt and the rejects file.
    func skippingBadRows(_ files: [String: String]) async throws -> (ImportReceipt, rejects: String) {
        let (store, _) = try await temporaryStore()
        let rejects = try Fixtures.temporaryFolder().appendingPathComponent("rejects.csv")
        let receipt = try await ExtractImport(folder: folder(files), importedBy: "test", skipBadRows: true, rejects: rejects)
            .run(into: store)
        try await store.close()
        return (receipt, try String(contentsOf: rejects, encoding: .utf8))
    }

    /// Imports the files (clients and episodes unless replaced): the defects that refuse them, if any.
    func issues(_ files: [String: String]) async throws -> [String] {
        let (store, _) = try await temporaryStore()
        defer { Task { try? await store.close() } }
        do {
            try await importExtract(folder(["clients.csv": Self.clients, "episodes.csv": Self.episodes].merging(files) { $1 }), into: store)
            return []
        } catch let refused as ExtractRefused {
            return refused.issues.map(\.description)
        }
    }

    @Test func aCleanExtractHasNoIssues() async throws {
        let (store, _) = try await temporaryStore()
        let receipt = try await importExtract(folder(["clients.csv": Self.clients, "episodes.csv": Self.episodes,
                                                      "top.csv": Self.topHeader + "\n" + Self.top("100") + "\n"]), into: store)
        let histories = try await store.histories(knownAt: nil)
        let imports = try await store.imports()
        try await store.close()
        #expect(receipt.rowsImported == 5 && receipt.rowsRejected == 0)
        #expect(histories.map { [$0.episodes.count, $0.tops.count] } == [[1, 1], [1, 0]])
        #expect(imports.map(\.knownAt) == ["2013-06-05T09:00:00+01:00"])
    }

    @Test func aDayCountOf29IsOutOfRange() async throws {
        #expect(try await issues(["top.csv": Self.topHeader + "\n" + Self.top("100", opiates: "29") + "\n"])
                == ["top.csv, line 2, column opiates_days: 29 is outside 0..28"])
    }

    @Test func aDateThatDoesNotExistIsRefused() async throws {
        #expect(try await issues(["top.csv": Self.topHeader + "\n" + Self.top("100", on: "2013-02-30") + "\n"])
                == ["top.csv, line 2, column on: '2013-02-30' is not a date (YYYY-MM-DD) that exists"])
    }

    @Test func aTopForAnotherClientsEpisodeIsRefused() async throws {
        #expect(try await issues(["top.csv": Self.topHeader + "\n" + Self.top("100", client: "A002") + "\n"])
                == ["top.csv, line 2, column episode_id: episode '10' belongs to client 'A001', not 'A002'"])
    }

    @Test func aTopForAnUnknownEpisodeIsRefused() async throws {
        #expect(try await issues(["top.csv": Self.topHeader + "\n" + Self.top("100", episode: "99") + "\n"])
                == ["top.csv, line 2, column episode_id: unknown episode '99'"])
    }

    @Test func anUnknownClientAndAnUnknownCodeAreRefused() async throws {
        let offences = "record_id,client_id,offence_on,proven_on,trigger,category\n1,A009,2012-01-01,,Y,theft\n2,A001,2012-01-01,,maybe,theft\n"
        #expect(try await issues(["offences.csv": offences]) == [
            "offences.csv, line 2, column client_id: unknown client 'A009'",
            "offences.csv, line 3, column trigger: 'maybe' is not Y or N",
        ])
        let events = "record_id,client_id,on,kind,detail\n1,A001,2012-01-01,job_interview,\n"
        #expect(try await issues(["events.csv": events]).first?.hasPrefix(
            "events.csv, line 2, column kind: unknown code 'job_interview' (expected one of: work_activity") == true)
    }

    @Test func anEpisodeThatEndsBeforeItStartsIsRefused() async throws {
        let episodes = Self.episodes + "12,A001,P01,2013-01-01,2013-01-10,2013-01-09,dropped_out,opiates,,,self\n"
        #expect(try await issues(["episodes.csv": episodes])
                == ["episodes.csv, line 4, column end_on: ends 2013-01-09 before it starts 2013-01-10"])
    }

    @Test func aDuplicatedRecordIdIsRefusedWhereItRepeats() async throws {
        let episodes = Self.episodes + "10,A002,P01,2013-01-01,2013-01-10,,,opiates,,,self\n"
        #expect(try await issues(["episodes.csv": episodes])
                == ["episodes.csv, line 4, column record_id: '10' is duplicated (first on line 2)"])
    }

    @Test func aRowThatRefersToABadRowIsBadToo() async throws {
        let episodes = Self.episodes.replacingOccurrences(of: "10,A001,P01,2012-05-01", with: "10,A001,P01,2012-05-99")
        #expect(try await issues(["episodes.csv": episodes, "top.csv": Self.topHeader + "\n" + Self.top("100") + "\n"]) == [
            "episodes.csv, line 2, column referral_on: '2012-05-99' is not a date (YYYY-MM-DD) that exists",
            "top.csv, line 2, column episode_id: unknown episode '10'",
        ])
    }

    @Test func aRowWithTheWrongNumberOfFieldsIsRefused() async throws {
        #expect(try await issues(["clients.csv": Self.clients + "A003,M\n"])
                == ["clients.csv, line 4: has 2 fields; the header has 3"])
    }

    @Test func everyDefectOfARowIsReported() async throws {
        let issues = try await issues(["clients.csv": Self.clients + "A003,Q,18\n"])
        #expect(issues == ["clients.csv, line 4, column sex: unknown code 'Q' (expected one of: M, F, X)",
                           "clients.csv, line 4, column birth_year: 18 is outside 1900..2100"])
    }

    @Test func aBadRowIsKeptVerbatimForTheRejectsFile() async throws {
        let (receipt, rejects) = try await skippingBadRows(["clients.csv": Self.clients + "\"A,003\",Q,1970\n"])
        #expect(rejects == "file,line,column,reason,row\n"
                + "clients.csv,4,sex,\"unknown code 'Q' (expected one of: M, F, X)\",\"\"\"A,003\"\",Q,1970\"\n")
        #expect(receipt.rowsImported == 2 && receipt.rowsRejected == 1)
    }

    @Test func withdrawingARecordThatDoesNotExistIsABadRow() async throws {
        let events = "record_id,client_id,on,kind,detail,deleted\n7,,,,,Y\n"
        #expect(try await issues(["events.csv": events]) == ["events.csv, line 2, column record_id: withdraws '7', which is not in the store"])
    }

    @Test func aMissingKeyColumnOrAMissingExtractYamlRefusesTheWholeExtract() async throws {
        #expect(try await issues(["clients.csv": "sex,birth_year\nM,1970\n"])
                == ["clients.csv, line 1, column client_id: the header has no client_id column"])
        let (store, _) = try await temporaryStore()
        let empty = try Fixtures.temporaryFolder()
        await #expect(throws: ExtractRefused.self) { try await importExtract(empty, into: store) }
        #expect(try await store.imports().isEmpty)
        try await store.close()
    }

    @Test func aKnownAtWithoutAZoneIsRefused() async throws {
        #expect(throws: ExtractRefused.self) { try ExtractMetadata.parse("known_at: 2013-06-05T09:00:00\nsource: x\n") }
        #expect(try ExtractMetadata.parse("known_at: 2013-06-05T09:00:00Z\nsource: x\n").knownAt.epochSeconds == 1_370_422_800)
    }

    @Test func theSameExtractFromAnotherFolderIsAlreadyImported() async throws {
        let (store, _) = try await temporaryStore()
        let first = try await importExtract(folder(["clients.csv": Self.clients]), into: store)
        let again = try await importExtract(folder(["clients.csv": Self.clients]), into: store)
        let changed = try await importExtract(folder(["clients.csv": Self.clients + "A003,M,1970\n"]), into: store)
        try await store.close()
        #expect(!first.alreadyImported && first.rowsImported == 2)
        #expect(again == ImportReceipt(importID: first.importID, alreadyImported: true, rowsImported: 0, withdrawals: 0, rowsRejected: 0))
        #expect(!changed.alreadyImported && changed.rowsImported == 3)
    }

    /// 280,000 clients are more than one block (`RecordBlocks.blockSize`): the first row is written before
    /// its repeat is read, and its line is found by reading the file again.
    @Test func aDuplicateInALaterBlockNamesItsFirstLine() async throws {
        var clients = "client_id,sex,birth_year\n"
        for index in 1...280_000 { clients += "C\(String(1_000_000 + index).dropFirst()),M,1970\n" }
        clients += "C000001,F,1980\nC000002,Q,1980\nC000002,F,1980\n"
        let noEpisodes = String(Self.episodes.prefix { $0 != "\n" }) + "\n"
        #expect(try await issues(["clients.csv": clients, "episodes.csv": noEpisodes]) == [
            "clients.csv, line 280002, column client_id: 'C000001' is duplicated (first on line 2)",
            "clients.csv, line 280003, column sex: unknown code 'Q' (expected one of: M, F, X)",
            "clients.csv, line 280004, column client_id: 'C000002' is duplicated (first on line 3)",
        ])
    }

    /// Blocks end only outside quotes: a quoted field with line breaks in it, where a block ends, keeps the
    /// lines of every row after it right.
    @Test func lineNumbersHoldAcrossBlocksWhenQuotedFieldsSpanLines() async throws {
        let eventsHeader = "record_id,client_id,on,kind,detail\n"
        var events = eventsHeader
        for index in 1...70_000 { events += "\(index),A001,2012-01-01,goal_agreed,\"first line\nsecond line, with a comma\"\n" }
        events += "70001,A001,2012-01-01,goal_agreed,\"x\r\ny\"\n70002,A001,2012-02-30,goal_agreed,\n"
        // Header, then two physical lines a row: row n starts on line 2n. The file is over one block (4 MiB).
        #expect(events.utf8.count > 5_000_000)
        #expect(try await issues(["events.csv": events])
                == ["events.csv, line 140004, column on: '2012-02-30' is not a date (YYYY-MM-DD) that exists"])
    }

    /// A file with carriage returns alone for line endings is cut into blocks at them too.
    @Test func aLargeFileWithCarriageReturnLineEndingsIsReadInBlocks() async throws {
        var events = "record_id,client_id,on,kind,detail\r"
        for index in 1...150_000 { events += "\(index),A001,2012-01-01,goal_agreed,a goal\r" }
        events += "150001,A001,2012-02-30,goal_agreed,\r"
        #expect(events.utf8.count > 5_000_000)
        #expect(try await issues(["events.csv": events])
                == ["events.csv, line 150002, column on: '2012-02-30' is not a date (YYYY-MM-DD) that exists"])
    }
}
