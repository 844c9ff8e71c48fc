import Foundation
import PbRTestSupport
import Testing

/// `pbr proof` as a user runs it: the CSV of every profile with its record, and bad input refused.
@Suite("Proof command")
struct ProofCommandTests {
    func pbr(_ arguments: String...) throws -> PbRProcess.Output { try PbRProcess.run(arguments) }

    @Test func proofWritesEveryProfileToTheCSVPaidLeastFirst() throws {
        let folder = try Fixtures.temporaryFolder()
        let csv = folder.appendingPathComponent("proof.csv").path, html = folder.appendingPathComponent("proof.html").path
        let run = try pbr("proof", "--contract", Fixtures.referenceContractURL.path, "--csv", csv, "--html", html, "--show", "3")
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout.split(separator: "\n").map(String.init)
        #expect(out.first == "national-pilot: 640 profiles proofed, journeys starting 2012-04-01, run as of 2016-04-01; rates: shipped defaults.")
        #expect(out.dropFirst(3).first == "   1  opiates+crack     no         no         housed   no          1    £1,550.00      £380.00")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.count == 641)
        #expect(rows.first == "substances,offending,injecting,housing_problem,in_work,band,most,expected,rank,paid_for")
        #expect(rows[18] == "alcohol,N,N,N,Y,1,1550.00,715.00,18,D1-abstinent D1-alcohol-reduced D1-completed D2-work-activity D4-wellbeing")
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: csv + ".json"))) as? [String: Any]
        #expect(record?["rows"] as? Int == 640)
        #expect(record?["as_of"] as? String == "2016-04-01")
        #expect(FileManager.default.fileExists(atPath: html + ".json"))
    }

    @Test func badInputIsRefusedWithTheReason() throws {
        let folder = try Fixtures.temporaryFolder()
        let unknown = try pbr("proof", "--contract", "no-such-contract", "--db", folder.appendingPathComponent("none.sqlite").path)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("--contract no-such-contract: no such contract file, and no store"))
        let rates = folder.appendingPathComponent("rates.yaml")
        try "rates:\n  D1-completed: 145%\n".write(to: rates, atomically: true, encoding: .utf8)
        let bad = try pbr("proof", "--contract", Fixtures.referenceContractURL.path, "--rates", rates.path)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("\(rates.path): rates.D1-completed (line 2): '145%' is not a percentage from 0% to 100%, e.g. 25%"))
        let order = try pbr("proof", "--contract", Fixtures.referenceContractURL.path, "--order", "cheapest")
        #expect(order.status != 0)
    }
}
