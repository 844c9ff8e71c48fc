import PbRCore
import PbRImport
import PbRStore

/// `pbr statement verify`: recomputes every issued period of a contract, in order, from what it pinned
/// (contract versions, cut-off, last import), and compares each statement with the store's, line by
/// line and by digest. Any edit of an issued row, or of the journal under it, is found.
public struct StatementVerify: Sendable {
    public var contractID: String
    public var progress: (any ProgressDisplay)?

    public init(contractID: String, progress: (any ProgressDisplay)? = nil) {
        self.contractID = contractID; self.progress = progress
    }

    public struct Report: Sendable {
        public var periods: Int
        public var statements: Int
        public var lines: Int
        /// What differs, one entry a statement or period; empty when everything matches.
        public var problems: [String]
    }

    public func run(on store: JournalStore) async throws -> Report {
        let (versions, stored) = try await ContractRegistry(store: store).versions(of: contractID)
        let imports = try await store.imports()
        let storedStatements = try await store.statements(contractID)
        let storedLines = Dictionary(grouping: try await store.statementLines(contractID), by: \.statementID)
        var report = Report(periods: 0, statements: 0, lines: 0, problems: [])
        var state = LedgerState(disputes: try await store.disputes(contractID),
                                verifications: try await store.verificationSamples(contractID))
        var journals: [String: [ClientHistory]] = [:]
        let periods = try await store.issuedPeriods(contractID)
        let pins = Dictionary(periods.map { ($0.period, $0.lastImportID) }, uniquingKeysWith: { a, _ in a })
        let checking = progress?.start("Verifying statements", total: periods.count, unit: "months")
        for period in periods {
            report.periods += 1
            let pinned = ContractVersions(versions.versions.prefix(period.contractVersion).map { $0 })
            let seen = imports.first { $0.id == period.lastImportID }
            let inputs = StatementDigest.inputs(contractID: contractID, versions: Array(stored.prefix(period.contractVersion)),
                                                period: period.period, knownAt: period.knownAt, lastImport: seen.map { ($0.id, $0.digest) })
            if inputs != period.inputsDigest {
                report.problems.append("\(contractID)/\(period.period): its inputs (contract versions, cut-off, import #\(period.lastImportID)) are not what it pinned")
            }
            let pin = "\(period.knownAt?.text ?? "")|\(period.lastImportID)"
            if journals[pin] == nil {
                journals[pin] = try await PinnedJournal.load(store, knownAt: period.knownAt, lastImport: period.lastImportID,
                                                             imports: imports, progress: nil)
            }
            let histories = journals[pin]!
            let run = pinned.evaluate(histories, asOf: period.period.lastDay)
            let draft: [PeriodStatements.Issued]
            do { draft = try state.draft(period.period, versions: pinned, run: run.lines, histories: histories) } catch {
                report.problems.append("\(contractID)/\(period.period): cannot be recomputed: \(error)")
                continue
            }
            let notes = try await DataChanges.notes(for: LedgerState.adjustments(draft, issued: state.issued), pins: pins,
                                                    current: period.snapshot, imports: imports, store: store)
            let recomputed = state.commit(draft, period: period.period, notes: notes)
            let headroom = CapHeadroom.of(pinned.inForce(on: period.period.lastDay), run: run.lines, on: period.period.lastDay).map(\.description)
            if headroom != period.capHeadroom {
                report.problems.append("\(contractID)/\(period.period): its cap headroom differs from a recomputation")
            }
            let issued = storedStatements.filter { $0.period == period.period }
            report.problems += Self.compare(issued, storedLines, with: recomputed)
            report.statements += issued.count
            report.lines += issued.reduce(0) { $0 + (storedLines[$1.id]?.count ?? 0) }
            checking?.advance(by: 1)
        }
        checking?.finish()
        let strays = Set(storedStatements.map(\.period)).subtracting(periods.map(\.period))
        for period in strays.sorted() { report.problems.append("\(contractID)/\(period): statements for a period never issued") }
        return report
    }

    static func compare(_ issued: [StoredStatement], _ lines: [String: [StatementLine]], with recomputed: LedgerState.Period) -> [String] {
        var problems: [String] = []
        let again = Dictionary(uniqueKeysWithValues: recomputed.statements.map { ($0.id, $0) })
        let againLines = Dictionary(grouping: recomputed.lines, by: \.statementID)
        for statement in issued {
            guard let expected = again[statement.id] else {
                problems.append("\(statement.id): issued, but the data it pinned gives no such statement")
                continue
            }
            let stored = lines[statement.id] ?? []
            let storedRows = StatementCSV.render(stored).split(separator: "\n").dropFirst()
            let expectedRows = StatementCSV.render(againLines[statement.id] ?? []).split(separator: "\n").dropFirst()
            if storedRows != expectedRows {
                let first = zip(storedRows, expectedRows).first { $0 != $1 }
                problems.append("\(statement.id): its lines differ from a recomputation"
                    + (first.map { ": stored `\($0.0)`, recomputed `\($0.1)`" } ?? " (\(storedRows.count) lines stored, \(expectedRows.count) recomputed)"))
            } else if statement.totals != expected.totals {
                problems.append("\(statement.id): its totals differ from its lines")
            } else if statement.digest != StatementDigest.of(stored, totals: statement.totals) || statement.digest != expected.digest {
                problems.append("\(statement.id): its digest does not match what it holds")
            } else if statement.number != expected.number {
                problems.append("\(statement.id): numbered \(statement.number), recomputed as \(expected.number)")
            }
        }
        for id in Set(again.keys).subtracting(issued.map(\.id)).sorted() {
            problems.append("\(id): the data it pinned gives this statement, but the store holds none")
        }
        return problems
    }
}
