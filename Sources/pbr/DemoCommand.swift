import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRSimulation
import PbRStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo database from a seeded synthetic extract and run the reference contract.",
        discussion: """
            Writes three extracts (treatment, late police data, corrections) to DIR, imports them into a new \
            DIR/pbr.sqlite, and runs contracts/national-pilot.yaml twice: as the April 2016 statement saw it \
            (first extract only) and with everything known.
            """)

    @Option(help: "The folder for the extracts, the database and the entitlements files (replaced).")
    var dir: String = "demo"

    @OptionGroup var synthetic: SyntheticOptions

    @Option(help: "The contract to run.")
    var contract: String = "contracts/national-pilot.yaml"

    @Option(help: "The day of the final run.")
    var asOf: String = "2016-12-31"

    func run() async throws {
        let terms = try loadContract(contract)
        let finalDay = try Day.argument(asOf, option: "--as-of")
        let folder = URL(fileURLWithPath: dir)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        print("Generating \(synthetic.clients) synthetic clients across \(synthetic.providers) providers (seed \(synthetic.seed))...")
        let extracts = try writeSyntheticExtract(to: folder, synthetic.configuration)
        let journal = try await JournalStore.open(folder.appendingPathComponent("pbr.sqlite").path)
        do {
            for extract in extracts {
                let receipt = try await ImportJob(journal: journal).run(
                    folder: extract.folder.path, skipBadRows: false, rejectsPath: nil, importedBy: "pbr demo")
                print("Imported \(extract.folder.lastPathComponent) (known at \(extract.knownAt)): \(receipt.rowsImported) rows, "
                      + "\(receipt.withdrawals) withdrawals.")
            }
            let first = extracts[0].knownAt
            try await runAndPrint(journal, terms, asOf: Day(iso: "2016-04-30")!, knownAt: first, into: folder)
            try await runAndPrint(journal, terms, asOf: finalDay, knownAt: nil, into: folder)
            try await journal.close()
        } catch {
            try? await journal.close()
            throw error
        }
        print("""

            The second run sees the late police data (offences that reset no-offending clocks) and the \
            corrections (re-sent reviews, withdrawn records). Files are in \(dir)/; try:
              swift run pbr entitlements --db \(dir)/pbr.sqlite --contract \(contract) --as-of 2014-03-31 --csv out.csv
            """)
    }

    private func runAndPrint(_ journal: JournalStore, _ terms: Contract, asOf: Day, knownAt: Moment?, into folder: URL) async throws {
        let report = EntitlementRun(contract: terms).evaluate(try await journal.histories(knownAt: knownAt), asOf: asOf)
        let name = "entitlements-\(asOf)" + (knownAt == nil ? "" : "-first-extract") + ".csv"
        try write(EntitlementsCSV.bytes(report.lines), to: folder.appendingPathComponent(name).path)
        try write(ExceptionsCSV.render(report.exceptions), to: folder.appendingPathComponent("exceptions-\(asOf).csv").path)
        print("\n" + SummaryText.render(report, contract: terms, knownAt: knownAt) + "\nWritten to \(dir)/\(name).")
    }
}
