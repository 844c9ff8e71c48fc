import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRSimulation

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure import and entitlements at national scale on a synthetic extract.",
        discussion: """
            Generates a seeded extract (default 300,000 clients, about 1.5 million TOPs), then runs \
            `pbr import` for each batch and `pbr entitlements` as child processes, and reports each one's \
            wall time and peak memory. Build with -c release: swift run -c release pbr bench
            """)

    @Option(help: "Synthetic clients.")
    var clients: Int = 300_000

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 2012

    @Option(help: "The working folder (replaced).")
    var dir: String = "bench-data"

    @Option(help: "The contract to run.")
    var contract: String = "contracts/national-pilot.yaml"

    func run() async throws {
        let folder = URL(fileURLWithPath: dir)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("bench.sqlite").path
        var report: [(String, String, String)] = []

        var clock = Date()
        let batches = SyntheticExtract.generate(.init(clients: clients, providers: 12, seed: seed))
        report.append(("generate \(clients) clients (in process)", seconds(since: clock), "-"))
        clock = Date()
        for batch in batches {
            try ExtractWriter.write(to: folder.appendingPathComponent(batch.name), knownAt: batch.knownAt, source: batch.source,
                                    records: batch.records, withdrawals: batch.withdrawals.map { ($0.kind, $0.key) })
        }
        report.append(("write the extract CSV files (in process)", seconds(since: clock), "-"))
        for batch in batches {
            let rows = batch.records.count + batch.withdrawals.count
            let tops = batch.records.count { $0.kind == .top }
            let measured = try child(["import", folder.appendingPathComponent(batch.name).path, "--db", database], log: batch.name)
            report.append(("pbr import \(batch.name): \(rows) rows, \(tops) TOPs", format(measured.seconds), memory(measured)))
        }
        let csv = folder.appendingPathComponent("entitlements.csv").path
        for (label, extra) in [("all data", [String]()), ("known at the first extract", ["--known-at", batches[0].knownAt.text])] {
            let measured = try child(["entitlements", "--db", database, "--contract", contract, "--as-of", "2016-12-31",
                                      "--csv", csv, "--timings"] + extra, log: "entitlements")
            let timings = (try? String(contentsOfFile: folder.appendingPathComponent("entitlements.log").path, encoding: .utf8))?
                .split(separator: "\n").filter { $0.hasPrefix("timing") }.joined(separator: "; ") ?? ""
            report.append(("pbr entitlements as of 2016-12-31, \(label) [\(timings)]", format(measured.seconds), memory(measured)))
        }
        print("pbr bench: \(clients) clients, seed \(seed), on \(ProcessInfo.processInfo.activeProcessorCount) cores\n")
        print("| step | seconds | peak memory |\n| --- | ---: | ---: |")
        for (step, time, peak) in report { print("| \(step) | \(time) | \(peak) |") }
    }

    private func child(_ arguments: [String], log: String) throws -> ChildProcess.Measurement {
        let logPath = URL(fileURLWithPath: dir).appendingPathComponent(log + ".log").path
        let measured = try ChildProcess.run(ChildProcess.currentExecutable, arguments, outputTo: logPath)
        guard measured.exitStatus == 0 else {
            throw Refusal("pbr \(arguments.joined(separator: " ")) failed (exit \(measured.exitStatus)); see \(logPath)")
        }
        return measured
    }

    private func seconds(since start: Date) -> String { format(Date().timeIntervalSince(start)) }
    private func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
    private func memory(_ measured: ChildProcess.Measurement) -> String {
        String(format: "%.0f MiB", Double(measured.peakMemoryBytes) / 1_048_576)
    }
}
