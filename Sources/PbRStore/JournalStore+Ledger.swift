import Foundation
import PbRCore
import SQLKit

/// One version of a contract as the store keeps it: its text, exactly as registered.
public struct StoredContractVersion: Sendable {
    public var contractID: String
    public var version: Int
    /// The first day this version decides (the contract's start, for a first version).
    public var effectiveFrom: Day
    public var sha256: String
    public var body: String
    /// The file it was registered from.
    public var source: String
    public var addedAt: String
    public var addedBy: String

    public init(contractID: String, version: Int, effectiveFrom: Day, sha256: String, body: String, source: String,
                addedAt: String = "", addedBy: String) {
        self.contractID = contractID; self.version = version; self.effectiveFrom = effectiveFrom; self.sha256 = sha256
        self.body = body; self.source = source; self.addedAt = addedAt; self.addedBy = addedBy
    }
}

/// A period issued for a contract, and what its statements pinned: the contract version, the cut-off
/// and the last import the run saw.
public struct IssuedPeriod: Sendable, Equatable {
    public var contractID: String
    public var period: StatementPeriod
    public var contractVersion: Int
    /// Nil when the statement saw everything imported up to `lastImportID`.
    public var knownAt: Moment?
    /// 0 when the store held no import.
    public var lastImportID: Int
    public var issuedAt: String
    public var issuedBy: String
    public var inputsDigest: String
    /// The room left under each yearly cap after this period's run, one a line (`CapHeadroom`).
    public var capHeadroom: [String]

    public init(contractID: String, period: StatementPeriod, contractVersion: Int, knownAt: Moment?, lastImportID: Int,
                issuedAt: String, issuedBy: String, inputsDigest: String, capHeadroom: [String] = []) {
        self.contractID = contractID; self.period = period; self.contractVersion = contractVersion; self.knownAt = knownAt
        self.lastImportID = lastImportID; self.issuedAt = issuedAt; self.issuedBy = issuedBy; self.inputsDigest = inputsDigest
        self.capHeadroom = capHeadroom
    }
}

/// A statement's header as stored; its lines are in `statement_lines`.
public struct StoredStatement: Sendable, Equatable {
    public var id: String
    public var contractID: String
    public var period: StatementPeriod
    public var payee: ProviderID
    /// 1, 2, ... across the contract, in the order issued.
    public var number: Int
    public var totals: StatementTotals
    /// SHA-256 of the statement as exported, with its totals (`StatementDigest`).
    public var digest: String

    public init(id: String, contractID: String, period: StatementPeriod, payee: ProviderID, number: Int,
                totals: StatementTotals, digest: String) {
        self.id = id; self.contractID = contractID; self.period = period; self.payee = payee; self.number = number
        self.totals = totals; self.digest = digest
    }
}

extension JournalStore {
    // MARK: Contracts

    /// Every version of every contract, by contract id, then version.
    public func contractVersions(_ contractID: String? = nil) async throws -> [StoredContractVersion] {
        let filter: SQLQueryString = contractID.map { "WHERE contract_id = \(bind: $0)" } ?? ""
        return try await database.raw("""
            SELECT contract_id, version, effective_from, sha256, body, source, added_at, added_by
            FROM contract_versions \(filter) ORDER BY contract_id, version
            """).all().map { row in
            let from = try row.decode(column: "effective_from", as: String.self)
            guard let day = Day(iso: from) else { throw StoreError.corrupt("contract_versions.effective_from '\(from)' is not a day") }
            return StoredContractVersion(
                contractID: try row.decode(column: "contract_id", as: String.self), version: try row.decode(column: "version", as: Int.self),
                effectiveFrom: day, sha256: try row.decode(column: "sha256", as: String.self),
                body: try row.decode(column: "body", as: String.self), source: try row.decode(column: "source", as: String.self),
                addedAt: try row.decode(column: "added_at", as: String.self), addedBy: try row.decode(column: "added_by", as: String.self))
        }
    }

    /// Records a contract version. Two registrations at once cannot both take a number: the second is
    /// refused by the key, and nothing of it is kept.
    public func add(_ version: StoredContractVersion) async throws {
        try await transaction { db in
            let latest = try await db.raw("SELECT MAX(version) AS v FROM contract_versions WHERE contract_id = \(bind: version.contractID)")
                .first()?.decode(column: "v", as: Int?.self) ?? 0
            guard latest == version.version - 1 else {
                throw StoreError.conflict("\(version.contractID) has version \(latest) now, not \(version.version - 1): register it again")
            }
            try await db.raw("""
                INSERT INTO contract_versions (contract_id, version, effective_from, sha256, body, source, added_at, added_by)
                VALUES (\(bind: version.contractID), \(bind: version.version), \(bind: version.effectiveFrom.description),
                        \(bind: version.sha256), \(bind: version.body), \(bind: version.source), \(bind: Self.now()), \(bind: version.addedBy))
                """).run()
        }
    }

    // MARK: The ledger

    /// The periods issued for a contract, oldest first.
    public func issuedPeriods(_ contractID: String) async throws -> [IssuedPeriod] {
        try await database.raw("""
            SELECT contract_id, period, contract_version, known_at, last_import_id, issued_at, issued_by, inputs_digest, cap_headroom
            FROM ledger_periods WHERE contract_id = \(bind: contractID) ORDER BY period
            """).all().map { row in
            let period = try row.decode(column: "period", as: String.self)
            let knownAt = try row.decode(column: "known_at", as: String.self)
            guard let parsed = StatementPeriod(period) else { throw StoreError.corrupt("ledger_periods.period '\(period)' is not YYYY-MM") }
            return IssuedPeriod(
                contractID: try row.decode(column: "contract_id", as: String.self), period: parsed,
                contractVersion: try row.decode(column: "contract_version", as: Int.self),
                knownAt: knownAt.isEmpty ? nil : Moment(iso: knownAt), lastImportID: try row.decode(column: "last_import_id", as: Int.self),
                issuedAt: try row.decode(column: "issued_at", as: String.self), issuedBy: try row.decode(column: "issued_by", as: String.self),
                inputsDigest: try row.decode(column: "inputs_digest", as: String.self),
                capHeadroom: try row.decode(column: "cap_headroom", as: String.self).split(separator: "\n").map(String.init))
        }
    }

    /// A contract's statements (of one period, or all), in the order issued.
    public func statements(_ contractID: String, period: StatementPeriod? = nil) async throws -> [StoredStatement] {
        let filter: SQLQueryString = period.map { " AND period = \(bind: $0.description)" } ?? ""
        return try await database.raw("""
            SELECT statement_id, contract_id, period, payee, number, brought_forward, new_amount, adjustments, block,
                   attachment, net, held, payable, carried_forward, digest
            FROM statements WHERE contract_id = \(bind: contractID)\(filter) ORDER BY number
            """).all().map { row in
            func pence(_ column: String) throws -> Money { Money(pence: try row.decode(column: column, as: Int64.self)) }
            let period = try row.decode(column: "period", as: String.self)
            guard let parsed = StatementPeriod(period) else { throw StoreError.corrupt("statements.period '\(period)' is not YYYY-MM") }
            let totals = StatementTotals(
                broughtForward: try pence("brought_forward"), new: try pence("new_amount"), adjustments: try pence("adjustments"),
                block: try pence("block"), attachment: try pence("attachment"), net: try pence("net"), held: try pence("held"), payable: try pence("payable"),
                carriedForward: try pence("carried_forward"))
            return StoredStatement(
                id: try row.decode(column: "statement_id", as: String.self), contractID: try row.decode(column: "contract_id", as: String.self),
                period: parsed, payee: ProviderID(try row.decode(column: "payee", as: String.self)),
                number: try row.decode(column: "number", as: Int.self), totals: totals, digest: try row.decode(column: "digest", as: String.self))
        }
    }

    /// The lines of a contract's statements (of one period, or all; of one client, or all), by statement, then line.
    public func statementLines(_ contractID: String, period: StatementPeriod? = nil, client: ClientID? = nil) async throws -> [StatementLine] {
        var filter: SQLQueryString = period.map { " AND s.period = \(bind: $0.description)" } ?? ""
        if let client { filter.appendInterpolation(" AND l.client_id = \(bind: client.rawValue)" as SQLQueryString) }
        return try await database.raw("""
            SELECT l.statement_id, l.line, s.period, s.payee, l.earned_by, l.client_id, l.component, l.outcome_id, l.part,
                   l.band, l.achieved_on, l.due_on, l.kind, l.amount, l.reason, l.refers_to
            FROM statement_lines l JOIN statements s ON s.statement_id = l.statement_id
            WHERE s.contract_id = \(bind: contractID)\(filter) ORDER BY s.number, l.line
            """).all().map(StoredLine.decode)
    }

    /// How far a contract's ledger has come: its statements' count and last number. Lines are only ever
    /// added with a statement, so an unchanged mark means unchanged lines.
    public func statementMark(_ contractID: String) async throws -> StatementMark {
        let row = try await database.raw("""
            SELECT COUNT(*) AS statements, COALESCE(MAX(number), 0) AS last FROM statements WHERE contract_id = \(bind: contractID)
            """).first()
        return StatementMark(statements: try row?.decode(column: "statements", as: Int.self) ?? 0,
                             lastNumber: try row?.decode(column: "last", as: Int.self) ?? 0)
    }

    /// A contract's issued lines summed by payee, earner, outcome (or fee component), band and month: what
    /// the payments to date read, without every line's reason.
    public func statementLineSums(_ contractID: String) async throws -> [PaymentsToDate.Group] {
        try await database.raw("""
            SELECT s.payee, l.earned_by, CASE WHEN l.outcome_id = '' THEN l.component ELSE l.outcome_id END AS what, l.band, s.period,
                   CAST(SUM(l.amount) AS BIGINT) AS amount, COUNT(*) AS lines
            FROM statement_lines l JOIN statements s ON s.statement_id = l.statement_id
            WHERE s.contract_id = \(bind: contractID)
            GROUP BY s.payee, l.earned_by, what, l.band, s.period
            """).all().map { row in
            let period = try row.decode(column: "period", as: String.self), band = try row.decode(column: "band", as: Int.self)
            let earnedBy = try row.decode(column: "earned_by", as: String.self)
            guard let parsed = StatementPeriod(period) else { throw StoreError.corrupt("statements.period '\(period)' is not YYYY-MM") }
            return PaymentsToDate.Group(
                payee: ProviderID(try row.decode(column: "payee", as: String.self)), earnedBy: earnedBy.isEmpty ? nil : ProviderID(earnedBy),
                outcomeOrComponent: try row.decode(column: "what", as: String.self), band: band == 0 ? nil : Band(band),
                period: parsed, amount: Money(pence: try row.decode(column: "amount", as: Int64.self)),
                lines: try row.decode(column: "lines", as: Int.self))
        }
    }

    /// Records an issued period with its statements and lines, in one transaction, if the ledger still
    /// ends where the caller computed from.
    /// - Parameter after: the last period issued when the statements were computed (nil: none).
    /// - Throws: `StoreError.conflict` when another issue got there first; nothing is written then.
    public func record(_ period: IssuedPeriod, after: StatementPeriod?, statements: [StoredStatement], lines: [StatementLine]) async throws {
        try await transaction { db in
            let last = try await db.raw("SELECT MAX(period) AS p FROM ledger_periods WHERE contract_id = \(bind: period.contractID)")
                .first()?.decode(column: "p", as: String?.self)
            guard last == after?.description else {
                throw StoreError.conflict("\(period.contractID)'s statements were issued up to \(last ?? "nothing") while these were computed; nothing was written")
            }
            try await db.raw("""
                INSERT INTO ledger_periods (contract_id, period, contract_version, known_at, last_import_id, issued_at, issued_by,
                                            inputs_digest, cap_headroom)
                VALUES (\(bind: period.contractID), \(bind: period.period.description), \(bind: period.contractVersion),
                        \(bind: period.knownAt?.text ?? ""), \(bind: period.lastImportID), \(bind: period.issuedAt),
                        \(bind: period.issuedBy), \(bind: period.inputsDigest), \(bind: period.capHeadroom.joined(separator: "\n")))
                """).run()
            for statement in statements {
                let t = statement.totals
                try await db.raw("""
                    INSERT INTO statements (statement_id, contract_id, period, payee, number, brought_forward, new_amount, adjustments,
                                            block, attachment, net, held, payable, carried_forward, digest)
                    VALUES (\(bind: statement.id), \(bind: statement.contractID), \(bind: statement.period.description),
                            \(bind: statement.payee.rawValue), \(bind: statement.number), \(bind: t.broughtForward.pence),
                            \(bind: t.new.pence), \(bind: t.adjustments.pence), \(bind: t.block.pence), \(bind: t.attachment.pence),
                            \(bind: t.net.pence), \(bind: t.held.pence), \(bind: t.payable.pence), \(bind: t.carriedForward.pence), \(bind: statement.digest))
                    """).run()
            }
            for chunk in stride(from: 0, to: lines.count, by: Self.linesPerInsert) {
                let insert = db.insert(into: "statement_lines").columns(StoredLine.columns)
                for line in lines[chunk..<min(lines.count, chunk + Self.linesPerInsert)] { insert.values(StoredLine.binds(line)) }
                try await insert.run()
            }
        }
    }

    /// 14 binds a line: well under SQLite's limit of 32,766 binds a statement.
    static let linesPerInsert = 2_000
}

/// A statement line's columns as stored: a field that does not apply is '' (0 for part and band).
enum StoredLine {
    static let columns = ["statement_id", "line", "earned_by", "client_id", "component", "outcome_id", "part", "band",
                          "achieved_on", "due_on", "kind", "amount", "reason", "refers_to"]

    static func binds(_ line: StatementLine) -> [any SQLExpression] {
        let values: [any Encodable & Sendable] = [
            line.statementID, line.line, line.earnedBy?.rawValue ?? "", line.clientID?.rawValue ?? "", line.component.rawValue,
            line.outcomeID?.rawValue ?? "", line.part ?? 0, line.band?.value ?? 0, line.achievedOn?.description ?? "",
            line.dueOn?.description ?? "", line.kind.rawValue, line.amount.pence, line.reason,
            line.refersTo.map(\.description).joined(separator: " "),
        ]
        return values.map { SQLBind($0) }
    }

    static func decode(_ row: any SQLRow) throws -> StatementLine {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { let value = try text(column); return value.isEmpty ? nil : value }
        func day(_ column: String) throws -> Day? {
            guard let value = try optional(column) else { return nil }
            guard let day = Day(iso: value) else { throw StoreError.corrupt("statement_lines.\(column) '\(value)' is not a day") }
            return day
        }
        let statementID = try text("statement_id")
        let period = try text("period")
        guard let parsed = StatementPeriod(period),
              let component = StatementLine.Component(rawValue: try text("component")),
              let kind = StatementLine.Kind(rawValue: try text("kind")) else {
            throw StoreError.corrupt("statement line \(statementID) has a period, component or kind PbR does not know")
        }
        let part = try row.decode(column: "part", as: Int.self)
        let band = try row.decode(column: "band", as: Int.self)
        let refersTo = try text("refers_to").split(separator: " ").map { reference in
            guard let colon = reference.lastIndex(of: ":"), let number = Int(reference[reference.index(after: colon)...]) else {
                throw StoreError.corrupt("statement line \(statementID) refers to '\(reference)', not STATEMENT_ID:LINE")
            }
            return LineReference(statementID: String(reference[..<colon]), line: number)
        }
        return StatementLine(
            statementID: statementID, line: try row.decode(column: "line", as: Int.self), period: parsed,
            providerID: ProviderID(try text("payee")), earnedBy: try optional("earned_by").map(ProviderID.init),
            clientID: try optional("client_id").map(ClientID.init), component: component,
            outcomeID: try optional("outcome_id").map(OutcomeID.init), part: part == 0 ? nil : part,
            band: band == 0 ? nil : Band(band), achievedOn: try day("achieved_on"), dueOn: try day("due_on"), kind: kind,
            amount: Money(pence: try row.decode(column: "amount", as: Int64.self)), reason: try text("reason"), refersTo: refersTo)
    }
}

/// A contract's statements' count and last number (`JournalStore.statementMark`).
public struct StatementMark: Sendable, Equatable {
    public var statements: Int
    public var lastNumber: Int
}
