import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRService

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure import, entitlements, statements and diagnostics at national scale on a synthetic extract.",
        discussion: """
            Generates a seeded extract (default 300,000 clients, about 1.5 million TOPs), then runs \
            `pbr import` for each batch, `pbr entitlements`, `pbr diagnose` and `pbr statement issue` as child \
            processes, and reports each one's wall time and peak memory. Build with -c release: swift run -c release pbr bench
            """)

    @Option(help: "Synthetic clients.")
    var clients: Int = 300_000

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 2012

    @Option(help: "The working folder: new, empty, or made by an earlier bench (PbR clears only what it made there).")
    var dir: String = "bench-data"

    @Option(help: "The store to measure: a PostgreSQL address (postgres://...), or by default a new SQLite file in --dir.")
    var db: String?

    @Option(help: "The contract to run.")
    var contract: String = "contracts/national-pilot.yaml"

    func run() async throws {
        var work = try WorkFolder.prepare(dir, option: "--dir")
        for log in ["generate", "entitlements", "statements", "diagnose"] { _ = try work.claim(log + ".log") }
        let extracts = try work.claim("extracts")
        var database = db ?? ""
        if db == nil { database = try work.claimStore("bench.sqlite").path }
        var report: [(String, String, String)] = []
        // generate, three imports, two runs, a diagnosis, a contract and two issues: each a child process
        // whose own output goes to its log.
        let steps = ProgressBar.start("pbr bench", total: 10, unit: "steps")

        // Every step runs as its own process, so that each peak memory figure is that step's alone.
        let generated = try child(["generate", "--dir", extracts.path, "--clients", String(clients), "--providers", "12",
                                   "--seed", String(seed)], log: "generate", progress: steps)
        report.append(("pbr generate: \(clients) clients, 3 extracts (seed \(seed))", format(generated.seconds), memory(generated)))
        let batches = try FileManager.default.contentsOfDirectory(atPath: extracts.path).filter { name in
            FileManager.default.fileExists(atPath: extracts.appendingPathComponent(name + "/extract.yaml").path)
        }.sorted()
        for (index, batch) in batches.enumerated() {
            _ = try work.claim(batch + ".log")
            let measured = try child(["import", extracts.appendingPathComponent(batch).path, "--db", database, "--timings"],
                                     log: batch, progress: steps)
            let rows = try lineCount(extracts.appendingPathComponent(batch))
            report.append(("pbr import \(batch): \(rows) rows [\(timingLines(batch))]", format(measured.seconds), memory(measured)))
            if index == 0 { report += try plainImport(extracts.appendingPathComponent(batch), pbr: measured.seconds, work: &work) }
        }
        let firstKnownAt = try ExtractMetadata.parse(
            String(contentsOfFile: extracts.appendingPathComponent(batches[0] + "/extract.yaml").path, encoding: .utf8)).knownAt
        let csv = try work.claim("entitlements.csv").path
        _ = try work.claim("entitlements.csv.json")
        var fullRun = 0.0
        for (label, extra) in [("all data", [String]()), ("known at the first extract", ["--known-at", firstKnownAt.text])] {
            let measured = try child(["entitlements", "--db", database, "--contract", contract, "--as-of", "2016-12-31",
                                      "--csv", csv, "--timings"] + extra, log: "entitlements", progress: steps)
            if extra.isEmpty { fullRun = measured.seconds }
            let timings = timingLines("entitlements")
            report.append(("pbr entitlements as of 2016-12-31, \(label) [\(timings)]\(loadRatio(timings))", format(measured.seconds),
                           memory(measured)))
        }
        if db == nil { report += try journalRead(database, fullRun: fullRun) }
        let diagnostics = try work.claim("diagnostics.json").path
        _ = try work.claim("diagnostics.json.json")
        let diagnosed = try child(["diagnose", "--db", database, "--contract", contract, "--as-of", "2016-12-31", "--json", diagnostics, "--timings"],
                                  log: "diagnose", progress: steps)
        report.append(("pbr diagnose as of 2016-12-31, \(String(format: "%.2f", diagnosed.seconds / max(fullRun, 0.001))) times the full "
                       + "entitlements run [\(timingLines("diagnose"))]", format(diagnosed.seconds), memory(diagnosed)))
        report += try statements(database, fullRun: fullRun, progress: steps)
        steps?.finish()
        print("pbr bench: \(clients) clients, seed \(seed), store \(db == nil ? "SQLite" : "PostgreSQL"), on \(ProcessInfo.processInfo.activeProcessorCount) cores\n")
        print("| step | seconds | peak memory |\n| --- | ---: | ---: |")
        for (step, time, peak) in report { print("| \(step) | \(time) | \(peak) |") }
    }

    /// The ledger: a contract year of statements, then one more month alone, beside the full run.
    private func statements(_ database: String, fullRun: Double, progress: ProgressBar?) throws -> [(String, String, String)] {
        let terms = try ContractSource.load(contract)
        _ = try child(["contract", "add", "--db", database, contract], log: "statements", progress: progress)
        let year = try child(["statement", "issue", "--db", database, "--contract", terms.contract.id, "--through", "2013-03"],
                             log: "statements", progress: progress)
        let month = try child(["statement", "issue", "--db", database, "--contract", terms.contract.id, "--period", "2013-04"],
                              log: "statements", progress: progress)
        let ratio = String(format: "%.2f", month.seconds / max(fullRun, 0.001))
        return [("pbr statement issue --through 2013-03: 12 months, from 2012-04", format(year.seconds), memory(year)),
                ("pbr statement issue --period 2013-04: one month, \(ratio) times the full entitlements run (target at most 1.5)",
                 format(month.seconds), memory(month))]
    }

    /// The sqlite3 shell reading the journal rows a run needs, in the run's order, to /dev/null: beside
    /// which a full `pbr entitlements` run is judged (issue 12: at most 3 times).
    private func journalRead(_ database: String, fullRun: Double) throws -> [(String, String, String)] {
        guard let shell = sqliteShell else { return [] }
        let query = "SELECT kind, record_key, known_at_epoch, import_id, deleted, CASE deleted WHEN 0 THEN fields ELSE record_key END "
            + "FROM journal ORDER BY kind, record_key, known_at_epoch, import_id"
        let measured = try ChildProcess.run(shell, [database, query], outputTo: "/dev/null")
        guard measured.exitStatus == 0 else { throw Refusal("sqlite3 could not read the journal of \(database) (exit \(measured.exitStatus))") }
        let ratio = String(format: "%.2f", fullRun / max(measured.seconds, 0.001))
        return [("sqlite3 SELECT of the journal rows a run reads, to /dev/null; the full entitlements run took \(ratio) times it (target at most 3)",
                 format(measured.seconds), memory(measured))]
    }

    /// "; load 1.62 times evaluation (target at most 1.5)", from a run's timing lines.
    private func loadRatio(_ timings: String) -> String {
        func seconds(_ step: String) -> Double? {
            timings.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix(step + " ") }
                .flatMap { Double($0.dropFirst(step.count + 1).dropLast()) }
        }
        guard let load = seconds("load"), let evaluate = seconds("evaluate"), evaluate > 0 else { return "" }
        return "; load \(String(format: "%.2f", load / evaluate)) times evaluation (target at most 1.5)"
    }

    private var sqliteShell: String? { ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) }

    /// The sqlite3 shell's `.import --csv` of the same files into plain tables of a new file: what
    /// SQLite itself can do, beside which `pbr import` is judged (issue 12: at most 1.5 times).
    private func plainImport(_ extract: URL, pbr seconds: Double, work: inout WorkFolder) throws -> [(String, String, String)] {
        guard let shell = sqliteShell else {
            return [("sqlite3 .import --csv: no sqlite3 shell on this machine (apt-get install sqlite3), no ratio", "", "")]
        }
        let plain = try work.claimStore("plain.sqlite").path
        _ = try work.claim("plain.log")
        let files = try FileManager.default.contentsOfDirectory(atPath: extract.path).filter { $0.hasSuffix(".csv") }.sorted()
        let commands = files.map { ".import --csv \(extract.appendingPathComponent($0).path) \($0.dropLast(4))" }
        let measured = try ChildProcess.run(shell, [plain] + commands, outputTo: URL(fileURLWithPath: dir).appendingPathComponent("plain.log").path)
        guard measured.exitStatus == 0 else { throw Refusal("sqlite3 .import failed (exit \(measured.exitStatus)); see \(dir)/plain.log") }
        let ratio = String(format: "%.2f", seconds / max(measured.seconds, 0.001))
        return [("sqlite3 .import --csv of the same \(files.count) files into plain tables; pbr import took \(ratio) times it (target at most 1.5)",
                 format(measured.seconds), memory(measured))]
    }

    private func child(_ arguments: [String], log: String, progress: ProgressBar?) throws -> ChildProcess.Measurement {
        let logPath = URL(fileURLWithPath: dir).appendingPathComponent(log + ".log").path
        let measured = try ChildProcess.run(ChildProcess.currentExecutable, arguments, outputTo: logPath)
        progress?.advance(by: 1)
        guard measured.exitStatus == 0 else {
            throw Refusal("pbr \(arguments.joined(separator: " ")) failed (exit \(measured.exitStatus)); see \(logPath)")
        }
        return measured
    }

    /// The `timing ...` lines a child printed to its log, joined.
    private func timingLines(_ log: String) -> String {
        let text = (try? String(contentsOfFile: URL(fileURLWithPath: dir).appendingPathComponent(log + ".log").path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.hasPrefix("timing") }.map { $0.dropFirst(7) }.joined(separator: "; ")
    }

    /// Data rows in an extract folder's CSV files (lines less headers).
    private func lineCount(_ folder: URL) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.reduce(0) { total, file in
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            return total + bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1
        }
    }
    private func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
    private func memory(_ measured: ChildProcess.Measurement) -> String {
        String(format: "%.0f MiB", Double(measured.peakMemoryBytes) / 1_048_576)
    }
}
