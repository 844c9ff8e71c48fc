import ArgumentParser
import Foundation
import PbRCore
import PbRService
import PbRStore

struct StatementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "The ledger: monthly statements per payee, issued in order, never changed, corrected by adjustments.",
        subcommands: [Issue.self, List.self, Show.self, Export.self, Verify.self, Dispute.self, Resolve.self])

    /// The contract every statement command names.
    struct Selection: ParsableArguments {
        @Option(help: "The contract's id in the store (see `pbr contract list`), or a contract file, registered if new.")
        var contract: String
    }

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a period's statements: the contract run as of the month's last day, pinned to the last import it saw.",
            discussion: "Periods are issued in order from the contract's first month; a period issued already is not issued again.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        @Option(help: "The month to issue (YYYY-MM): the next one due.", transform: StatementPeriod.argument)
        var period: StatementPeriod?

        @Option(help: "Issue every month not yet issued, up to and including this one (YYYY-MM).", transform: StatementPeriod.argument)
        var through: StatementPeriod?

        @Option(help: "See only data known at or before this moment (ISO 8601 with a zone, or a day). Default: all imported.",
                transform: Moment.argument)
        var knownAt: Moment?

        @Option(help: "Who issues them, for the audit trail.")
        var by: String = currentUser

        @Flag(help: "Print how long each step took (for pbr bench).")
        var timings = false

        func validate() throws {
            guard (period == nil) != (through == nil) else { throw ValidationError("give --period YYYY-MM or --through YYYY-MM") }
        }

        func run() async throws {
            let (id, result) = try await store.using { journal in
                let (id, registered) = try await ContractRegistry(store: journal).resolve(selection.contract, by: by)
                if let registered { print("Registered \(id) version \(registered.version.version) from \(selection.contract).") }
                let job = StatementIssue(contractID: id, period: (period ?? through)!, catchingUp: through != nil,
                                         knownAt: knownAt, issuedBy: by, progress: TerminalProgress())
                var clock = Date()
                var laps: [String: Double] = [:]
                let result = try await job.run(on: journal) { step in
                    laps[step, default: 0] += Date().timeIntervalSince(clock)
                    clock = Date()
                }
                if timings {
                    print("timing " + ["load", "ledger", "evaluate", "statements", "record"].map { "\($0) " + String(format: "%.2fs", laps[$0] ?? 0) }
                        .joined(separator: "; "))
                }
                return (id, result)
            }
            result.warnings.forEach(warn)
            if result.issued.isEmpty {
                print("\(id): \((period ?? through)!) is issued already; nothing changed.")
            }
            for issued in result.issued { print(StatementText.issued(issued)) }
            // As `entitlements` does: at national scale freeing the run and the ledger one object at a time
            // takes seconds; the process ends here, so the operating system takes the memory back at once.
            Foundation.exit(0)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a contract's issued statements, oldest first.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        func run() async throws {
            let (periods, statements) = try await store.using { journal in
                _ = try await ContractRegistry(store: journal).versions(of: selection.contract)
                return (try await journal.issuedPeriods(selection.contract), try await journal.statements(selection.contract))
            }
            print(StatementText.list(periods: periods, statements: statements, contract: selection.contract))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a period's statements: header, totals, by outcome and band, lines.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        @Option(help: "The month (YYYY-MM).", transform: StatementPeriod.argument)
        var period: StatementPeriod

        @Option(help: "Only this payee's statement.")
        var provider: String?

        @Option(help: "Only the lines this subcontractor earned, with their totals: the statement a prime passes on.")
        var earnedBy: String?

        @Option(help: "Print at most this many lines a statement (0 for all).")
        var lines = 40

        func run() async throws {
            let issued = try await store.using {
                try await StatementBook(store: $0).period(selection.contract, period, payee: provider.map(ProviderID.init),
                                                          earnedBy: earnedBy.map(ProviderID.init))
            }
            if let earnedBy { print("Lines earned by \(earnedBy), for the prime to pass on:") }
            print(StatementText.show(issued, lineLimit: lines))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a period's statements as CSV lines (DOMAIN.md's columns) or a printable HTML document, each with its record beside it (FILE.json).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        @Option(help: "The month (YYYY-MM).", transform: StatementPeriod.argument)
        var period: StatementPeriod

        @Option(help: "Write the lines as CSV here.")
        var csv: String?

        @Option(help: "Write the statements as one printable HTML document here (A4, a payee's statement from a new page).")
        var html: String?

        @Option(help: "Only this payee's lines.")
        var provider: String?

        @Option(help: "Only the lines this subcontractor earned (under a prime).")
        var earnedBy: String?

        func validate() throws {
            guard csv != nil || html != nil else { throw ValidationError("give --csv FILE, --html FILE or both") }
        }

        func run() async throws {
            var inputs = RunInputs()
            inputs.store(store.location)
            let outputs = [("--csv", csv), ("--html", html)].compactMap { option, path in path.map { (option: option, path: $0) } }
            try OutputFiles.check(outputs, against: inputs)
            let count = try await store.using { journal in
                let book = StatementBook(store: journal)
                let issued = try await book.period(selection.contract, period, payee: provider.map(ProviderID.init),
                                                   earnedBy: earnedBy.map(ProviderID.init))
                if let csv { try await book.export(issued, csv: csv, command: "statement export") }
                if let html { try await book.exportHTML(issued, html: html, command: "statement export") }
                return (issued.statements.count, issued.lines.count)
            }
            print("Wrote \(count.1.counted("line")) of \(count.0.counted("statement")) to \(outputs.map(\.path).joined(separator: " and ")).")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every issued statement of a contract from what it pinned, and check it line by line and by digest.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        func run() async throws {
            let report = try await store.using {
                try await StatementVerify(contractID: selection.contract, progress: TerminalProgress()).run(on: $0)
            }
            let scope = "\(report.periods.counted("period")), \(report.statements.counted("statement")), \(report.lines.counted("line"))"
            guard report.problems.isEmpty else {
                report.problems.forEach { print("problem: \($0)") }
                throw Refusal("\(selection.contract): \(report.problems.count.counted("problem")) in \(scope)")
            }
            print("\(selection.contract): \(scope) recomputed; every one matches what was issued.")
        }
    }

    struct Dispute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dispute an issued line: its amount is held back from the next statement until the dispute is resolved.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        @Option(help: "The line, as STATEMENT_ID:LINE (e.g. national-pilot/2013-06/P01:1).")
        var line: String

        @Option(help: "Why the payee disputes it.")
        var reason: String

        @Option(help: "Who raises it, for the audit trail.")
        var by: String = currentUser

        func run() async throws {
            let dispute = try await store.using {
                try await StatementDisputes(store: $0).raise(contractID: selection.contract, line: line, reason: reason, by: by)
            }
            print("Disputed \(dispute.line) (\(dispute.amount.sterling)): held back from the \(dispute.heldFrom) statement until resolved.")
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve a dispute: upheld, the next statement reverses the line; rejected, it releases the amount held back.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var selection: Selection

        @Option(help: "The disputed line, as STATEMENT_ID:LINE.")
        var line: String

        @Flag(help: "Uphold the dispute, or reject it.")
        var decision: Decision

        @Option(help: "Why, for the statement that carries the resolution.")
        var note: String

        @Option(help: "Who resolves it, for the audit trail.")
        var by: String = currentUser

        enum Decision: EnumerableFlag { case uphold, reject }

        func run() async throws {
            let dispute = try await store.using {
                try await StatementDisputes(store: $0).resolve(contractID: selection.contract, line: line, uphold: decision == .uphold,
                                                                note: note, by: by)
            }
            print("The dispute of \(dispute.line) is \(dispute.resolution.rawValue); the \(dispute.resolvedFrom!) statement "
                  + (decision == .uphold ? "reverses the line (\((-dispute.amount).sterling)) and releases the hold." : "releases the hold: the line stands."))
        }
    }
}
