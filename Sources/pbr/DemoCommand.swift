import ArgumentParser
import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRSimulation
import PbRStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo database from a seeded synthetic extract and run the reference contract.",
        discussion: """
            Writes three extracts (treatment, late police data, corrections) to DIR, imports them into a new \
            DIR/pbr.sqlite, and runs contracts/national-pilot.yaml twice: as the April 2016 statement saw it \
            (first extract only) and with everything known. DIR must be new, empty, or made by an earlier demo: \
            PbR clears only what it made there.
            """)

    @Option(help: "The folder for the extracts, the database and the entitlements files: new, empty, or an earlier demo's.")
    var dir: String = "demo"

    @OptionGroup var synthetic: SyntheticOptions

    @Option(help: "The contract to run.")
    var contract: String = "contracts/national-pilot.yaml"

    @Option(help: "The day of the final run.", transform: Day.argument)
    var asOf: Day = Day(iso: "2016-12-31")!

    func run() async throws {
        let terms = try ContractSource.load(contract)
        var folder = try WorkFolder.prepare(dir, option: "--dir")
        print("Generating \(synthetic.clients.counted("synthetic client")) across \(synthetic.providers.counted("provider")) (seed \(synthetic.seed))...")
        let extracts = try SyntheticExtractFolders.write(into: &folder, synthetic.configuration)
        let storePath = try folder.claimStore("pbr.sqlite").path
        let journal = try await JournalStore.open(.sqlite(path: storePath), .createIfMissing)
        print("Created a new store at \(storePath).")
        do {
            for extract in extracts {
                let receipt = try await ImportJob(folder: extract.folder.path, importedBy: "pbr demo").run(into: journal)
                receipt.warnings.forEach(warn)
                print("Imported \(extract.folder.lastPathComponent) (known at \(extract.knownAt)): \(receipt.rowsImported.counted("row")), "
                      + "\(receipt.withdrawals.counted("withdrawal")).")
            }
            try await runAndPrint(journal, terms, asOf: Day(iso: "2016-04-30")!, knownAt: extracts[0].knownAt, into: &folder)
            try await runAndPrint(journal, terms, asOf: asOf, knownAt: nil, into: &folder)
            try await issueStatements(journal, terms, firstExtract: extracts[0].knownAt)
            try await journal.close()
            try await diagnosePlantedHarm(terms, into: &folder)
        } catch {
            try? await journal.close()
            throw error
        }
        print("""

            The second run sees the late police data (offences that reset no-offending clocks)
            and the corrections (re-sent reviews, withdrawn records). Files are in \(dir)/; try:
              swift run pbr entitlements --db \(storePath) --contract \(contract) --as-of 2014-03-31 --csv out.csv
              swift run pbr statement list --db \(storePath) --contract \(terms.contract.id)
              swift run pbr statement export --db \(storePath) --contract \(terms.contract.id) --period 2016-05 --csv statements.csv
              swift run pbr diagnose --db \(dir)/harm.sqlite --contract \(contract) --as-of 2012-06-30 --comparison \(dir)/comparison.csv --json diagnostics.json --html diagnostics.html
            """)
    }

    /// A second, small area with a harm planted: from the contract's start P02 starts far fewer of its
    /// referrals (the pilots' odds ratio, 0.17). The diagnostics flag it in the contract's first months.
    /// 39 clean comparison areas drawn like it are written to comparison.csv for the comparison diagnostic.
    private func diagnosePlantedHarm(_ terms: ContractSource, into folder: inout WorkFolder) async throws {
        var area = PlantedHarmArea()
        area.harm = .startsFall(oddsRatio: 0.17)
        area.through = Day(iso: "2012-06-30")!
        let extract = try PlantedHarmFolder.write(into: &folder, name: "area-with-harm", area)
        let comparisonFile = try folder.claim("comparison.csv")
        try OutputFiles.write(ComparisonCSV.bytes(area.comparisonAreas()), to: comparisonFile.path)
        let comparison = try ComparisonSource.load(comparisonFile.path)
        let path = try folder.claimStore("harm.sqlite").path
        let store = try await JournalStore.open(.sqlite(path: path), .createIfMissing)
        let result: DiagnoseJob.Result
        do {
            _ = try await ImportJob(folder: extract.folder.path, importedBy: "pbr demo").run(into: store)
            result = try await DiagnoseJob(EntitlementsJob(contract: terms, asOf: area.through, knownAt: nil), comparison: comparison).diagnose(on: store)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
        let name = "diagnostics-\(area.through).json", html = "diagnostics-\(area.through).html"
        for claimed in [name, name + ".json", html, html + ".json"] { _ = try folder.claim(claimed) }
        try OutputFiles.write(DiagnosticsJSON.bytes(result.report), to: folder.url.appendingPathComponent(name).path,
                              provenance: result.provenance, rows: 0)
        try OutputFiles.write(Array(DiagnosticsHTML.render(result.report).utf8), to: folder.url.appendingPathComponent(html).path,
                              provenance: result.provenance, rows: 0)
        print("\nA second area, \(extract.rows.counted("row")) in \(dir)/harm.sqlite, with a harm planted at P02 from \(area.contractStart): "
              + "its starts fall. Compared with 39 clean areas in \(dir)/comparison.csv.\n" + DiagnosticsText.render(result.report) + "\nWritten to \(dir)/\(name), and as a report with charts to \(dir)/\(html).")
    }

    private func runAndPrint(_ journal: JournalStore, _ terms: ContractSource, asOf: Day, knownAt: Moment?,
                             into folder: inout WorkFolder) async throws {
        let result = try await EntitlementsJob(contract: terms, asOf: asOf, knownAt: knownAt).run(on: journal, command: "demo")
        result.warnings.forEach(warn)
        let name = "entitlements-\(asOf)" + (knownAt == nil ? "" : "-first-extract") + ".csv"
        let exceptions = "exceptions-\(asOf).csv"
        for file in [name, exceptions] { for claimed in [file, file + ".json"] { _ = try folder.claim(claimed) } }
        try EntitlementsJob.write(result, csv: folder.url.appendingPathComponent(name).path,
                                  exceptions: folder.url.appendingPathComponent(exceptions).path)
        print("\n" + SummaryText.render(result.report, contract: terms.contract, knownAt: knownAt) + "\nWritten to \(dir)/\(name).")
    }

    /// Registers the contract and issues its statements: up to April 2016 as they were issued then, on the
    /// first extract; from May on everything, so May's statements adjust for the late data.
    private func issueStatements(_ journal: JournalStore, _ terms: ContractSource, firstExtract: Moment) async throws {
        _ = try await ContractRegistry(store: journal).add(contract, by: "pbr demo")
        let id = terms.contract.id
        let early = try await StatementIssue(contractID: id, period: StatementPeriod("2016-04")!, catchingUp: true,
                                             knownAt: firstExtract, issuedBy: "pbr demo").run(on: journal)
        let late = try await StatementIssue(contractID: id, period: StatementPeriod(containing: asOf), catchingUp: true,
                                            issuedBy: "pbr demo").run(on: journal)
        let issued = early.issued + late.issued
        let statements = issued.flatMap(\.statements)
        print("\nIssued \(id)'s statements for \(issued.count.counted("month")), \(issued.first?.period.period.description ?? "") to "
              + "\(issued.last?.period.period.description ?? ""): \(statements.count.counted("statement")), "
              + "\(issued.reduce(0) { $0 + $1.lines.count }.counted("line")), paying \(statements.reduce(Money.zero) { $0 + $1.totals.payable }.sterling).")
        // One payee's May 2016 statement: the first to see the late police data and the corrections.
        let may = try await StatementBook(store: journal).period(id, StatementPeriod("2016-05")!)
        guard let payee = may.statements.max(by: { $0.totals.adjustments.pence.magnitude < $1.totals.adjustments.pence.magnitude })?.payee else { return }
        let one = try await StatementBook(store: journal).period(id, StatementPeriod("2016-05")!, payee: payee)
        print("\n" + StatementText.show(one, lineLimit: 8))
    }
}
