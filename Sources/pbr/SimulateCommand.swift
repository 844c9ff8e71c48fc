import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRSimulation
import PbRStore

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Model a contract before signing it: simulated cohorts run through the real engine, income by payee, year and month.",
        discussion: """
            Each run draws a cohort from the scenario (docs/simulation.md lists its parameters, their defaults and sources) and \
            evaluates it with the contract as of the day every line has fallen due. --out writes runs.csv, monthly.csv and \
            report.html; --export-run K DIR writes run K's cohort as an extract, which imported and run gives run K's income.
            """)

    @OptionGroup var simulation: SimulationOptions
    var runs: Int { simulation.runs }
    var seed: UInt64 { simulation.seed }

    @Option(help: "Write runs.csv, monthly.csv and report.html into this folder (new, empty, or one pbr made).")
    var out: String?

    @Option(help: """
        Move each of the cohort's chances by this share of itself (e.g. 20%), lower and higher, and rank them by how much \
        the mean outcome income moves: sensitivity.csv and a tornado chart in the report. Runs the simulation twice for each chance.
        """)
    var sensitivity: String?

    @Option(name: .customLong("export-run"), parsing: .upToNextOption,
            help: ArgumentHelp("Write run K's cohort as an extract into folder DIR.", valueName: "K DIR"))
    var exportRun: [String] = []

    func validate() throws {
        guard exportRun.isEmpty || (exportRun.count == 2 && (Int(exportRun[0]) ?? 0) >= 1) else {
            throw ValidationError("--export-run takes a run's number (1 or more) and a folder, e.g. --export-run 7 run7")
        }
        guard out != nil || !exportRun.isEmpty else { throw ValidationError("name --out DIR for the files, or --export-run K DIR") }
        if let out, exportRun.count == 2,
           URL(fileURLWithPath: out).standardizedFileURL.path == URL(fileURLWithPath: exportRun[1]).standardizedFileURL.path {
            throw ValidationError("--out and --export-run name the same folder: the files would clear the extract; name two folders")
        }
        if let sensitivity {
            guard out != nil, let move = Percent.basisPoints(sensitivity), move > 0 else {
                throw ValidationError("--sensitivity takes a share above 0% such as 20%, with --out DIR")
            }
        }
    }

    func run() async throws {
        let job = try await simulation.prepare()
        if exportRun.count == 2, let number = Int(exportRun[0]) {
            let rows = try job.export(run: number, seed: seed, to: exportRun[1])
            print("Run \(number) of seed \(seed): \(rows) rows written to \(exportRun[1]) as an extract "
                  + "(import it, then run \(job.simulation.versions.first.id) as of \(job.simulation.asOf)).")
        }
        guard let out else { return }
        var folder = try WorkFolder.prepare(out, option: "--out")
        let step = TerminalProgress().start("Simulating", total: runs, unit: "runs")
        let incomes = job.run(runs: runs, seed: seed) { step?.advance(by: 1) }
        step?.finish()
        var moved: Sensitivity?
        if let sensitivity, let move = Percent.basisPoints(sensitivity) {
            let step = TerminalProgress().start("Sensitivity", total: runs * 2 * CohortModel.chances.count, unit: "runs")
            moved = try Sensitivity.run(job.simulation, runs: runs, seed: seed, move: move) { step?.advance(by: 1) }
            step?.finish()
        }
        let contract = job.simulation.versions.first
        let summary = SimulationSummary(incomes, contract: contract, model: job.simulation.model)
        let record = Provenance(command: "simulate --runs \(runs) --seed \(seed) --scenario \(job.scenarioSource)", store: simulation.store.location.description,
                                contract: job.stamp, asOf: job.simulation.asOf)
        var files = [("runs.csv", SimulationCSV.runs(incomes, contract: contract)), ("monthly.csv", SimulationCSV.monthly(summary)),
                     ("report.html", SimulationHTML.render(summary, contract: contract, scenario: job.scenarioSource, seed: seed, sensitivity: moved))]
        if let moved { files.append(("sensitivity.csv", SimulationCSV.sensitivity(moved))) }
        for (name, text) in files {
            let path = try folder.claim(name).path
            _ = try folder.claim(name + ".json")
            try OutputFiles.write(Array(text.utf8), to: path, provenance: record)
        }
        print(SimulationText.render(summary, contract: contract, seed: seed))
        if let moved {
            print("\nSensitivity: mean outcome income \(moved.base.sterling); each chance moved \(sensitivity!) of itself, widest swing first")
            print(SimulationText.rows(["chance", "lower", "higher", "income lower", "income higher"], moved.rows.prefix(8).map { row in
                [row.parameter, Percent.text(basisPoints: row.low), Percent.text(basisPoints: row.high), row.incomeLow.sterling, row.incomeHigh.sterling]
            }), terminator: "")
        }
    }
}
