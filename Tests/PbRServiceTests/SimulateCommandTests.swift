import Foundation
import PbRCore
import PbRService
import PbRSimulation
import PbRStore
import PbRTestSupport
import Testing

/// `pbr simulate` as a user runs it: the files, the same seed giving the same files, and a run exported
/// as an extract, imported and run, giving exactly its rows of runs.csv.
@Suite("pbr simulate")
struct SimulateCommandTests {
    static let scenario = """
        providers: [P01, P02]
        referrals_per_month: 8
        referral_months: 6
        monthly_cost: {P01: 2000.00}
        """

    func pbr(_ arguments: String...) throws -> PbRProcess.Output { try PbRProcess.run(arguments) }

    /// run, provider_id, contract_year -> outcome_income, from runs.csv.
    func outcomeIncome(_ path: String, run: String) throws -> [String: String] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        var income: [String: String] = [:]
        for line in lines {
            let fields = line.split(separator: ",").map(String.init)
            if fields[0] == run, fields[3] != "0.00" { income["\(fields[1]) \(fields[2])"] = fields[3] }
        }
        return income
    }

    @Test func anExportedRunImportedAndRunGivesExactlyItsRowsOfRunsCSV() throws {
        let folder = try Fixtures.temporaryFolder()
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        try Self.scenario.write(toFile: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path, run2 = folder.appendingPathComponent("run2").path
        let simulated = try pbr("simulate", "--contract", Fixtures.referenceContractURL.path, "--scenario", scenario, "--runs", "3", "--seed", "5",
                                "--out", out, "--export-run", "2", run2)
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(simulated.stdout.contains("P01: income by contract year"))
        let store = folder.appendingPathComponent("run2.sqlite").path, csv = folder.appendingPathComponent("e.csv").path
        #expect(try pbr("import", run2, "--db", store).status == 0)
        let run = try pbr("entitlements", "--db", store, "--contract", Fixtures.referenceContractURL.path, "--as-of", "2017-01-31", "--csv", csv)
        #expect(run.status == 0, "\(run.stderr)")
        // Payable and capped lines by payee and the contract year of their due day.
        var owed: [String: Int64] = [:]
        for line in try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 10).map(String.init)
            guard fields[9] != "pending" else { continue }
            let (year, month) = (Int(fields[7].prefix(4))!, Int(fields[7].dropFirst(5).prefix(2))!)
            let start = month >= 4 ? year : year - 1
            let label = "\(start)/" + String(format: "%02d", (start + 1) % 100)
            owed["\(fields[0]) \(label)", default: 0] += Int64(fields[8].replacingOccurrences(of: ".", with: ""))!
        }
        let fromRun = owed.filter { $0.value != 0 }.mapValues { String(format: "%d.%02d", $0 / 100, $0 % 100) }
        let reported = try outcomeIncome(out + "/runs.csv", run: "2")
        #expect(!reported.isEmpty)
        #expect(fromRun == reported)
    }

    @Test func theSameSeedWritesTheSameFilesAndEachHasItsRecord() throws {
        let folder = try Fixtures.temporaryFolder()
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        try Self.scenario.write(toFile: scenario, atomically: true, encoding: .utf8)
        var files: [[Data]] = []
        for name in ["a", "b"] {
            let out = folder.appendingPathComponent(name).path
            let run = try pbr("simulate", "--contract", Fixtures.referenceContractURL.path, "--scenario", scenario, "--runs", "4", "--seed", "3", "--out", out)
            #expect(run.status == 0, "\(run.stderr)")
            files.append(try ["runs.csv", "monthly.csv", "report.html"].map { try Data(contentsOf: URL(fileURLWithPath: "\(out)/\($0)")) })
            for file in ["runs.csv", "monthly.csv", "report.html"] {
                #expect(FileManager.default.fileExists(atPath: "\(out)/\(file).json"), "\(file)'s record")
            }
        }
        #expect(files[0] == files[1])
        let header = String(decoding: files[0][0], as: UTF8.self).split(separator: "\n").first
        #expect(header == "run,provider_id,contract_year,outcome_income,block_income,attachment_income,total_income")
        #expect(String(decoding: files[0][2], as: UTF8.self).contains("<svg class=\"chart\""))
    }

    @Test func tariffSolveMeetsThePotAndRefusesAnOutcomeTheContractLacks() throws {
        let folder = try Fixtures.temporaryFolder()
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        try "referrals_per_month: 6\nreferral_months: 24\n".write(toFile: scenario, atomically: true, encoding: .utf8)
        let solved = try pbr("tariff", "solve", "--contract", Fixtures.referenceContractURL.path, "--scenario", scenario, "--pot", "30000",
                             "--year", "2013", "--runs", "6", "--fix", "D1-completed")
        #expect(solved.status == 0, "\(solved.stderr)")
        let off = solved.stdout.split(separator: "\n").first { $0.contains("off the pot by") }
        let pence = off.flatMap { Double($0.split(separator: " ").dropLast().last ?? "") }
        #expect(pence.map { abs($0) <= 1 } == true, "\(solved.stdout)")
        #expect(solved.stdout.contains("D1-completed (fixed)"))
        let refused = try pbr("tariff", "solve", "--contract", Fixtures.referenceContractURL.path, "--pot", "30000", "--year", "2013", "--fix", "D9")
        #expect(refused.status != 0 && refused.stderr.contains("--fix D9: national-pilot has no such outcome"), "\(refused.stderr)")
    }

    @Test func theFilesAndTheExportCannotShareAFolder() throws {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("both").path
        let run = try pbr("simulate", "--contract", Fixtures.referenceContractURL.path, "--out", folder, "--export-run", "1", folder + "/.")
        #expect(run.status != 0)
        #expect(run.stderr.contains("--out and --export-run name the same folder"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func aScenarioWithAMistakeIsRefusedNamingItsKeyAndLineAndNothingIsWritten() throws {
        let folder = try Fixtures.temporaryFolder()
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        try "providers: [P01]\nmonthly: {relapse: 6%, relapes: 2%}\n".write(toFile: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let run = try pbr("simulate", "--contract", Fixtures.referenceContractURL.path, "--scenario", scenario, "--out", out)
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(scenario): monthly.relapes (line 2): unknown key"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

/// Each shipped scenario runs on its shipped contract: its providers are the contract's, and its
/// clients reach outcomes the contract pays.
@Suite("Shipped scenarios")
struct ShippedScenarioTests {
    @Test(arguments: [("national-pilot", "national-pilot"), ("kent", "kent"), ("oxfordshire-recovery-small-voluntary", "oxfordshire-recovery"),
                      ("oxfordshire-harm-minimisation", "oxfordshire-harm-minimisation"), ("bracknell-forest", "bracknell-forest"),
                      ("peterborough", "peterborough")])
    func aShippedScenarioRunsOnItsContract(_ scenario: String, _ contract: String) async throws {
        let job = try await ContractSimulationJob.prepare(contract: Fixtures.root.appendingPathComponent("contracts/\(contract).yaml").path,
                                                          store: .sqlite(path: "unused.sqlite"),
                                                          scenario: Fixtures.root.appendingPathComponent("scenarios/\(scenario).yaml").path)
        let income = job.run(runs: 1, seed: 1)[0]
        #expect(income.byYear.values.contains { $0.outcome > .zero })
    }
}
