import Foundation
import PbRTestSupport
import Testing

/// `pbr verify` as a user runs it on the small example's ledger: February 2013 paid P01 three lines, each
/// its own stratum, so a 5% sample takes all three; D4-housing (£300.00) is not confirmed. Closed, the
/// next statement (2014-08) reverses it, and `statement verify` still recomputes every statement.
@Suite("Verify commands")
struct VerifyCommandTests {
    func pbr(_ arguments: String...) throws -> PbRProcess.Output { try PbRProcess.run(arguments) }

    @Test func aSampleIsDrawnRecordedClosedAndPostedByTheNextStatement() throws {
        let store = try Fixtures.temporaryFolder().appendingPathComponent("ledger.sqlite").path
        #expect(try pbr("import", Fixtures.url("small/batch1").path, "--db", store).status == 0)
        #expect(try pbr("contract", "add", "--db", store, Fixtures.referenceContractURL.path).status == 0)
        #expect(try pbr("statement", "issue", "--db", store, "--contract", "national-pilot", "--through", "2013-05").status == 0)
        #expect(try pbr("import", Fixtures.url("small/batch2").path, "--db", store).status == 0)
        #expect(try pbr("statement", "issue", "--db", store, "--contract", "national-pilot", "--through", "2014-07").status == 0)
        let selection = ["--db", store, "--contract", "national-pilot", "--period", "2013-02"]

        let sample = try PbRProcess.run(["verify", "sample"] + selection + ["--rate", "5%", "--seed", "7"])
        #expect(sample.status == 0, "\(sample.stderr)")
        #expect(sample.stdout.hasPrefix("national-pilot 2013-02: sample drawn with seed 7 at 5.00% (the stated rate), 3 of 3 paid lines.\n"))
        #expect(sample.stdout.contains("\n  national-pilot/2013-02/P01:2  P01 A001 D4-housing part 1 £300.00: no finding yet\n"))
        let bothFindings = try PbRProcess.run(["verify", "record"] + selection + ["--line", "national-pilot/2013-02/P01:1", "--confirmed",
                                                                                 "--not-confirmed", "x"])
        #expect(bothFindings.status != 0 && bothFindings.stderr.contains("give --confirmed or --not-confirmed REASON"))
        for (line, finding) in [("1", ["--confirmed"]), ("2", ["--not-confirmed", "no housing problem at the baseline"]), ("3", ["--confirmed"])] {
            let run = try PbRProcess.run(["verify", "record"] + selection + ["--line", "national-pilot/2013-02/P01:\(line)"] + finding)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let closed = try PbRProcess.run(["verify", "close"] + selection)
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stdout.contains("closed: the 2014-08 statements reverse the lines not confirmed and post the recoveries."))
        #expect(closed.stdout.contains("""
            P01 (green, sampled at 5.00%): 3 paid lines, £1,200.00
              sampled 3 (£1,200.00); not confirmed 1 (£300.00); no finding yet 0
              error rate by count 33.33% (95% CI 6.15% to 79.23%); by value 25.00%
              lines not confirmed, reversed in full where still paid: £300.00; extrapolated to £0.00 unsampled: £0.00
            """))

        #expect(try pbr("statement", "issue", "--db", store, "--contract", "national-pilot", "--period", "2014-08").status == 0)
        let csv = try Fixtures.temporaryFolder().appendingPathComponent("august.csv").path
        #expect(try pbr("statement", "export", "--db", store, "--contract", "national-pilot", "--period", "2014-08", "--csv", csv).status == 0)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.dropFirst() == ["national-pilot/2014-08/P01,1,2014-08,P01,P01,A001,verification,D4-housing,1,4,2013-02-11,2013-02-11,adjustment,"
            + "-300.00,not confirmed by the verification of 2013-02: no housing problem at the baseline,national-pilot/2013-02/P01:2"])
        let verified = try pbr("statement", "verify", "--db", store, "--contract", "national-pilot")
        #expect(verified.stdout == "national-pilot: 29 periods, 17 statements, 18 lines recomputed; every one matches what was issued.\n")
        let dispute = try pbr("statement", "dispute", "--db", store, "--contract", "national-pilot", "--line", "national-pilot/2014-08/P01:1",
                              "--reason", "x")
        #expect(dispute.stderr.contains("national-pilot/2014-08/P01:1 is a verification line: only outcome and attachment lines can be disputed"))
    }
}
