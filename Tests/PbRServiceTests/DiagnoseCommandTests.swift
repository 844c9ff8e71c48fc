import Foundation
import PbRCore
import PbRImport
import PbRSimulation
import PbRTestSupport
import Testing

/// `pbr diagnose` as a user runs it: an area with a harm planted, imported, and its JSON as DOMAIN.md
/// fixes it, naming the diagnostic, the provider and the first month.
@Suite("Diagnose command")
struct DiagnoseCommandTests {
    func pbr(_ arguments: String...) throws -> PbRProcess.Output { try PbRProcess.run(arguments) }

    /// P02's starts fall from the contract's start (the pilots' odds ratio, 0.17), imported into a new store.
    func storeWithStartsFalling() throws -> String {
        var area = PlantedHarmArea()
        area.harm = .startsFall(oddsRatio: 0.17)
        let extract = try Fixtures.temporaryFolder().appendingPathComponent("area")
        try ExtractWriter.write(to: extract, knownAt: Moment(iso: "2012-07-01T09:00:00Z")!, source: "test", records: area.records().flatMap { $0 })
        let store = try Fixtures.temporaryFolder().appendingPathComponent("area.sqlite").path
        let imported = try pbr("import", extract.path, "--db", store)
        #expect(imported.status == 0, "\(imported.stderr)")
        return store
    }

    @Test func theJSONNamesTheDiagnosticTheProviderAndTheFirstMonth() throws {
        let store = try storeWithStartsFalling()
        let json = try Fixtures.temporaryFolder().appendingPathComponent("diagnostics.json").path
        let run = try pbr("diagnose", "--db", store, "--contract", Fixtures.referenceContractURL.path, "--as-of", "2012-06-30", "--json", json)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  starts P02 from 2012-05: episodes started at P02 fell: "), "\(run.stdout)")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        #expect(file?["contract"] as? String == "national-pilot" && file?["as_of"] as? String == "2012-06-30")
        #expect(file?["baseline"] as? [String: String] == ["from": "2010-04", "to": "2012-03"])
        let diagnostics = file?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.map { $0["id"] as? String ?? "" } == ["starts", "completions", "completions_without_representation", "declined",
                                                                  "creaming", "parking", "self_report", "review_bunching", "discharge_timing",
                                                                  "deaths", "comparison"])
        let alerts = diagnostics.flatMap { diagnostic in (diagnostic["alerts"] as? [[String: Any]] ?? []).map { (diagnostic["id"] as! String, $0) } }
        #expect(alerts.map { "\($0.0) \($0.1["provider_id"] as? String ?? "null") \($0.1["first_month"] as? String ?? "")" } == ["starts P02 2012-05"])
        let starts = alerts[0].1
        #expect(starts["band"] is NSNull)
        #expect((starts["statistic"] as? Double ?? 0) > (starts["threshold"] as? Double ?? 1))
        #expect(starts["clients"] as? Int == (starts["client_ids"] as? [String])?.count)
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json + ".json"))) as? [String: Any]
        #expect(record?["command"] as? String == "diagnose")
    }

    @Test func theHTMLReportIsWrittenWithItsRecordBesideIt() throws {
        let store = try storeWithStartsFalling()
        let folder = try Fixtures.temporaryFolder()
        let html = folder.appendingPathComponent("diagnostics.html").path, json = folder.appendingPathComponent("diagnostics.json").path
        let run = try pbr("diagnose", "--db", store, "--contract", Fixtures.referenceContractURL.path, "--as-of", "2012-06-30",
                          "--json", json, "--html", html)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<tr><td><a href=\"#starts-P02\">starts</a></td><td>P02</td><td>every</td><td>2012-05</td>"))
        #expect(page.contains("<div class=\"charts\" id=\"starts-P02\">"))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: html + ".json"))) as? [String: Any]
        #expect(record?["command"] as? String == "diagnose")
        #expect(FileManager.default.fileExists(atPath: json + ".json"))
    }

    @Test func anHTMLReportOverTheStoreIsRefusedAndTheStoreKept() throws {
        let store = try storeWithStartsFalling()
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let run = try pbr("diagnose", "--db", store, "--contract", Fixtures.referenceContractURL.path, "--as-of", "2012-06-30", "--html", store)
        #expect(run.status != 0)
        #expect(run.stderr.contains("--html \(store) would write over the store"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }

    @Test func theComparisonFileIsReadAndItsAreasJudgeTheAreasStarts() throws {
        let store = try storeWithStartsFalling()
        let folder = try Fixtures.temporaryFolder()
        let comparison = folder.appendingPathComponent("comparison.csv").path, json = folder.appendingPathComponent("diagnostics.json").path
        try Data(ComparisonCSV.bytes(PlantedHarmArea().comparisonAreas())).write(to: URL(fileURLWithPath: comparison))
        let run = try pbr("diagnose", "--db", store, "--contract", Fixtures.referenceContractURL.path, "--as-of", "2012-06-30",
                          "--comparison", comparison, "--json", json)
        #expect(run.status == 0, "\(run.stderr)")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let diagnostic = (file?["diagnostics"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "comparison" }
        let series = diagnostic?["series"] as? [[String: Any]] ?? []
        #expect(series.map { $0["note"] as? String ?? "" } == ["starts against 39 comparison areas; statistic -log10 of the placebo p-value",
                                                               "completions against 39 comparison areas; statistic -log10 of the placebo p-value"])
        // The area's months, the baseline's 24 and the contract's first 3, each with what the comparison expected.
        #expect(series.map { ($0["points"] as? [Any] ?? []).count } == [27, 27])
        #expect(series.map { $0["measure"] as? String ?? "" } == ["starts", "completions"])
        // The record beside the file names the comparison file and its digest.
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json + ".json"))) as? [String: Any]
        let stamp = record?["comparison"] as? [String: String]
        #expect(stamp?["file"] == comparison && stamp?["sha256"]?.count == 64)
    }

    @Test func aComparisonFileWithADefectIsRefusedNamingItsLineAndNothingIsWritten() throws {
        let store = try storeWithStartsFalling()
        let folder = try Fixtures.temporaryFolder()
        let comparison = folder.appendingPathComponent("comparison.csv").path, json = folder.appendingPathComponent("diagnostics.json").path
        try "area_id,month,measure,value\nE06,2012-04,starts,31\nE06,April,starts,30\n".write(toFile: comparison, atomically: true, encoding: .utf8)
        let run = try pbr("diagnose", "--db", store, "--contract", Fixtures.referenceContractURL.path, "--as-of", "2012-06-30",
                          "--comparison", comparison, "--json", json)
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(comparison), line 3, column month: 'April' is not a month (YYYY-MM)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: json))
    }

    @Test func anUnknownContractIsRefusedAndNothingIsWritten() throws {
        let store = try storeWithStartsFalling()
        let json = try Fixtures.temporaryFolder().appendingPathComponent("diagnostics.json").path
        let run = try pbr("diagnose", "--db", store, "--contract", "no-such-contract", "--as-of", "2012-06-30", "--json", json)
        #expect(run.status != 0)
        #expect(run.stderr.contains("no contract 'no-such-contract'"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: json))
    }
}
