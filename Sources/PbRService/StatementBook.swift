import PbRCore
import PbRImport
import PbRStore

/// Reading issued statements (`pbr statement list|show|export`, and later the web application): what a
/// period holds for each payee, refusing a contract, period or payee the ledger does not know.
public struct StatementBook: Sendable {
    public let store: JournalStore

    public init(store: JournalStore) { self.store = store }

    public struct Issued: Sendable {
        public var period: IssuedPeriod
        public var contract: StoredContractVersion
        public var statements: [StoredStatement]
        /// By statement, then line.
        public var lines: [StatementLine]
        /// The disputes of the payees' lines: each open one's amount is held back.
        public var disputes: [Dispute] = []

        public init(period: IssuedPeriod, contract: StoredContractVersion, statements: [StoredStatement], lines: [StatementLine],
                    disputes: [Dispute] = []) {
            self.period = period; self.contract = contract; self.statements = statements; self.lines = lines; self.disputes = disputes
        }
    }

    /// The statements of one period (of one payee, or all). With `earnedBy`, only the lines that
    /// subcontractor earned, with totals of those lines alone: the statement a prime passes on to it.
    public func period(_ contractID: String, _ period: StatementPeriod, payee: ProviderID? = nil,
                       earnedBy: ProviderID? = nil) async throws -> Issued {
        let stored = try await ContractRegistry(store: store).versions(of: contractID).stored
        let periods = try await store.issuedPeriods(contractID)
        guard let issued = periods.first(where: { $0.period == period }) else {
            throw Refusal("\(contractID) has no statements for \(period): "
                + (periods.last.map { "it is issued from \(periods[0].period) to \($0.period)" } ?? "none is issued yet")
                + "; `pbr statement issue` issues the next period")
        }
        var statements = try await store.statements(contractID, period: period)
        var lines = try await store.statementLines(contractID, period: period)
        if let payee {
            if !statements.contains(where: { $0.payee == payee }) {
                let payees = Set(try await store.statements(contractID).map(\.payee))
                guard payees.contains(payee) else {
                    throw Refusal("no payee '\(payee)' in \(contractID)'s statements; its payees are "
                        + (payees.isEmpty ? "none yet" : payees.sorted().map(\.rawValue).joined(separator: ", ")))
                }
            }
            statements = statements.filter { $0.payee == payee }
            lines = lines.filter { $0.providerID == payee }
        }
        if let earnedBy {
            lines = lines.filter { $0.earnedBy == earnedBy }
            let byStatement = Dictionary(grouping: lines, by: \.statementID)
            statements = statements.compactMap { statement in
                guard let held = byStatement[statement.id] else { return nil }
                var share = statement
                share.totals = StatementTotals(lines: held, broughtForward: .zero)
                return share
            }
        }
        let payees = Set(statements.map(\.payee))
        let disputes = try await store.disputes(contractID).filter { payees.contains($0.payee) && $0.heldFrom <= period }
        return Issued(period: issued, contract: stored[issued.contractVersion - 1], statements: statements, lines: lines,
                      disputes: disputes)
    }

    /// Writes a period's lines as DOMAIN.md's statement CSV, with its record beside it.
    public func export(_ issued: Issued, csv: String, command: String) async throws {
        try OutputFiles.write(Array(StatementCSV.render(issued.lines).utf8), to: csv, provenance: try await provenance(issued, command))
    }

    /// Writes a period's statements as one printable HTML document (`StatementHTML`), with its record beside it.
    public func exportHTML(_ issued: Issued, html: String, command: String) async throws {
        try OutputFiles.write(Array(StatementHTML.render(issued).utf8), to: html, provenance: try await provenance(issued, command),
                              rows: issued.lines.count)
    }

    /// What an export of `issued` came from: the contract version it pinned, its as-of day, cut-off and last import.
    private func provenance(_ issued: Issued, _ command: String) async throws -> Provenance {
        let imports = try await store.imports()
        let seen = imports.first { $0.id == issued.period.lastImportID }
        return Provenance(
            command: command, store: store.location.description,
            contract: .init(id: issued.contract.contractID, file: issued.contract.source, sha256: issued.contract.sha256),
            asOf: issued.period.period.lastDay, knownAt: issued.period.knownAt,
            lastImport: seen.map { .init(id: $0.id, knownAt: $0.knownAt, sha256: $0.digest) })
    }
}
