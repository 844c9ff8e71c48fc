import Foundation
import PbRTestSupport
import Testing

/// `pbr contract`, `pbr statement` and `pbr explain` as a user runs them: the small example's ledger
/// issued, exported, verified and explained, and bad requests refused with the reason and nothing changed.
@Suite("Statement commands")
struct StatementCommandTests {
    func pbr(_ arguments: String...) throws -> PbRProcess.Output { try PbRProcess.run(arguments) }

    func storeWithTheExampleIssued() throws -> String {
        let store = try Fixtures.temporaryFolder().appendingPathComponent("ledger.sqlite").path
        #expect(try pbr("import", Fixtures.url("small/batch1").path, "--db", store).status == 0)
        #expect(try pbr("contract", "add", "--db", store, Fixtures.referenceContractURL.path).status == 0)
        #expect(try pbr("statement", "issue", "--db", store, "--contract", "national-pilot", "--through", "2013-05").status == 0)
        #expect(try pbr("import", Fixtures.url("small/batch2").path, "--db", store).status == 0)
        #expect(try pbr("statement", "issue", "--db", store, "--contract", "national-pilot", "--through", "2014-07").status == 0)
        return store
    }

    @Test func theExportIsDomainsCSVWithItsRecordBesideIt() throws {
        let store = try storeWithTheExampleIssued()
        let csv = try Fixtures.temporaryFolder().appendingPathComponent("june.csv").path
        let run = try pbr("statement", "export", "--db", store, "--contract", "national-pilot", "--period", "2013-06", "--csv", csv)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Wrote 1 line of 1 statement to \(csv).\n")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "statement_id,line,period,provider_id,earned_by,client_id,component,outcome_id,part,band,achieved_on,due_on,kind,amount,reason,refers_to")
        #expect(rows.dropFirst().first?.hasPrefix("national-pilot/2013-06/P01,1,2013-06,P01,P01,A001,outcome,D1-abstinent,1,4,2013-02-11,2013-02-11,adjustment,-600.00,no longer owed as of 2013-06-30: D1-abstinent not achieved: ") == true)
        #expect(rows.dropFirst().first?.hasSuffix(",national-pilot/2013-02/P01:1") == true)
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: csv + ".json"))) as? [String: Any]
        #expect(record?["as_of"] as? String == "2013-06-30")
        #expect((record?["last_import"] as? [String: Any])?["id"] as? Int == 2)
    }

    @Test func verifyPassesOnAnUntouchedLedger() throws {
        let store = try storeWithTheExampleIssued()
        let run = try pbr("statement", "verify", "--db", store, "--contract", "national-pilot")
        #expect(run.status == 0)
        #expect(run.stdout == "national-pilot: 28 periods, 16 statements, 17 lines recomputed; every one matches what was issued.\n")
    }

    @Test func badRequestsAreRefusedWithTheReasonAndChangeNothing() throws {
        let store = try storeWithTheExampleIssued()
        let outOfOrder = try pbr("statement", "issue", "--db", store, "--contract", "national-pilot", "--period", "2014-09")
        #expect(outOfOrder.status != 0)
        #expect(outOfOrder.stderr.contains("2014-09 is out of order: national-pilot's next period to issue is 2014-08 (issued up to 2014-07)"))
        let unknownPayee = try pbr("statement", "show", "--db", store, "--contract", "national-pilot", "--period", "2013-06", "--provider", "P9")
        #expect(unknownPayee.stderr.contains("no payee 'P9' in national-pilot's statements; its payees are P01, P02, P03"))
        let notIssued = try pbr("statement", "export", "--db", store, "--contract", "national-pilot", "--period", "2015-01", "--csv", "/tmp/x.csv")
        #expect(notIssued.stderr.contains("national-pilot has no statements for 2015-01: it is issued from 2012-04 to 2014-07"))
        let badPeriod = try pbr("statement", "issue", "--db", store, "--contract", "national-pilot", "--period", "2014-13")
        #expect(badPeriod.stderr.contains("'2014-13' is not a month (YYYY-MM, e.g. 2013-06)"))
        let again = try pbr("statement", "issue", "--db", store, "--contract", "national-pilot", "--period", "2014-07")
        #expect(again.stdout == "national-pilot: 2014-07 is issued already; nothing changed.\n")
        let list = try pbr("statement", "list", "--db", store, "--contract", "national-pilot")
        #expect(list.stdout.hasPrefix("national-pilot: 28 periods issued, 2012-04 to 2014-07.\n"))
    }

    @Test func explainShowsTheVerdictsPartsAndEveryLineIssued() throws {
        let store = try storeWithTheExampleIssued()
        let run = try pbr("explain", "--db", store, "--contract", "national-pilot", "--client", "A002", "--outcome", "D1-completed",
                          "--as-of", "2014-07-31")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("  2. 2013-06-24 to open at P02; presenting alcohol"))
        #expect(lines.contains("  band 2 from the assessment of 2012-06-11 (record 2); price £1,300.00 under contract version 1"))
        #expect(lines.contains("  part 2 due 2013-07-31: failed: re-presented on 2013-06-24"))
        #expect(lines.contains { $0.hasPrefix("  issued: national-pilot/2013-04/P02:1 part 1 new £325.00: ") })
        let unknown = try pbr("explain", "--db", store, "--contract", "national-pilot", "--client", "a002", "--as-of", "2014-07-31")
        #expect(unknown.stderr.contains("no client 'a002' in the data of "))
    }
}

extension StatementCommandTests {
    @Test func issueTakesAContractFileAndRegistersItOnce() throws {
        let store = try Fixtures.temporaryFolder().appendingPathComponent("ledger.sqlite").path
        #expect(try pbr("import", Fixtures.url("small/batch1").path, "--db", store).status == 0)
        let first = try pbr("statement", "issue", "--db", store, "--contract", Fixtures.referenceContractURL.path, "--period", "2012-04")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Registered national-pilot version 1 from \(Fixtures.referenceContractURL.path).\n"))
        let second = try pbr("statement", "issue", "--db", store, "--contract", Fixtures.referenceContractURL.path, "--period", "2012-05")
        #expect(second.stdout.hasPrefix("Issued national-pilot/2012-05: "))
        let list = try pbr("contract", "list", "--db", store)
        #expect(list.stdout.hasPrefix("national-pilot: 1 version\n"))
    }
}

extension StatementCommandTests {
    @Test func aDisputeIsRaisedAndResolvedFromTheCommandLine() throws {
        let store = try storeWithTheExampleIssued()
        let line = "national-pilot/2013-06/P01:1"
        let raised = try pbr("statement", "dispute", "--db", store, "--contract", "national-pilot", "--line", line, "--reason", "review re-sent in error")
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(raised.stdout == "Disputed \(line) (-£600.00): held back from the 2014-08 statement until resolved.\n")
        let resolved = try pbr("statement", "resolve", "--db", store, "--contract", "national-pilot", "--line", line, "--reject", "--note", "batch 2 is right")
        #expect(resolved.stdout == "The dispute of \(line) is rejected; the 2014-08 statement releases the hold: the line stands.\n")
        let again = try pbr("statement", "resolve", "--db", store, "--contract", "national-pilot", "--line", line, "--uphold", "--note", "x")
        #expect(again.status != 0 && again.stderr.contains("the dispute of \(line) was rejected already"))
    }
}
