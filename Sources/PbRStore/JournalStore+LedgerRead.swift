import PbRCore
import PostgresNIO
import SQLKit
import SQLiteNIO
import Synchronization

extension JournalStore {
    /// What a contract's issued lines add up to, key by key (`IssuedLedger`): what the next period is
    /// computed against. Read through the driver, as the journal is, and straight into the ledger: after
    /// years of statements a contract holds millions of lines, so no line is built, and a row holds only
    /// what the ledger keeps (its statement's id, period and payee come from the statement's header).
    public func issuedLedger(_ contractID: String) async throws -> IssuedLedger {
        let headers = Dictionary(try await statements(contractID).map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let sink = LedgerSink(LedgerReader(headers: headers, expectedLines: try await issuedLineCount(contractID)))
        let query = """
            SELECT s.number, l.line, l.earned_by, l.client_id, l.component, l.outcome_id, l.part, l.band, l.achieved_on, l.due_on, l.amount
            FROM statement_lines l JOIN statements s ON s.statement_id = l.statement_id
            WHERE s.contract_id = 
            """
        let order = " ORDER BY s.number, l.line"
        switch connection {
        case .sqlite(let sqlite):
            try await sqlite.query(query + "?" + order, [.text(contractID)]) { row in
                func text(_ column: String) -> String { if case .text(let value)? = row.column(column) { value } else { "" } }
                func number(_ column: String) -> Int { if case .integer(let value)? = row.column(column) { value } else { 0 } }
                sink.state.withLock { $0.add(number("number"), number("line"), text("earned_by"), text("client_id"), text("component"),
                                             text("outcome_id"), number("part"), number("band"), text("achieved_on"), text("due_on"),
                                             Int64(number("amount"))) }
            }
        case .postgres(let postgres):
            var binds = PostgresBindings()
            binds.append(contractID)
            let rows = try await postgres.query(PostgresQuery(unsafeSQL: query + "$1" + order, binds: binds), logger: postgres.logger)
            for try await row in rows {
                let cells = Array(row)
                func text(_ index: Int) throws -> String { try cells[index].decode(String.self) }
                func number(_ index: Int) throws -> Int { try cells[index].decode(Int.self) }
                let (statement, line, earnedBy, client, component) = (try number(0), try number(1), try text(2), try text(3), try text(4))
                let (outcome, part, band, achieved, due) = (try text(5), try number(6), try number(7), try text(8), try text(9))
                let amount = try cells[10].decode(Int64.self)
                sink.state.withLock { $0.add(statement, line, earnedBy, client, component, outcome, part, band, achieved, due, amount) }
            }
        }
        return try sink.state.withLock { reader in
            if let failure = reader.failure { throw failure }
            return reader.ledger
        }
    }

    /// About how many lines a contract's statements hold, found from each statement's last line number
    /// (lines are numbered from 1) without reading the lines: room for the ledger to read them into.
    private func issuedLineCount(_ contractID: String) async throws -> Int {
        try await database.raw("""
            SELECT COALESCE(SUM((SELECT MAX(l.line) FROM statement_lines l WHERE l.statement_id = s.statement_id)), 0) AS lines
            FROM statements s WHERE s.contract_id = \(bind: contractID)
            """).first()?.decode(column: "lines", as: Int.self) ?? 0
    }
}

/// Where the rows of `issuedLedger` are recorded as the driver hands them over.
private final class LedgerSink: Sendable {
    let state: Mutex<LedgerReader>
    init(_ reader: LedgerReader) { state = Mutex(reader) }
}

private struct LedgerReader: Sendable {
    let headers: [Int: StoredStatement]
    var ledger = IssuedLedger()
    var failure: StoreError?
    // Lines come statement by statement, and many share a day and an outcome: each is parsed, and its
    // text kept, once.
    var statement: StoredStatement?
    var days: [String: Day] = [:]
    var outcomes: [String: OutcomeID] = [:]

    init(headers: [Int: StoredStatement], expectedLines: Int) {
        self.headers = headers
        ledger.reserveCapacity(expectedLines)
    }

    mutating func day(_ text: String) -> Day? {
        if text.isEmpty { return nil }
        if let known = days[text] { return known }
        let parsed = Day(iso: text)
        days[text] = parsed
        return parsed
    }

    mutating func outcome(_ text: String) -> OutcomeID? {
        if text.isEmpty { return nil }
        if let known = outcomes[text] { return known }
        outcomes[text] = OutcomeID(text)
        return OutcomeID(text)
    }

    mutating func add(_ number: Int, _ line: Int, _ earnedBy: String, _ client: String, _ component: String, _ outcome: String,
                      _ part: Int, _ band: Int, _ achieved: String, _ due: String, _ amount: Int64) {
        if statement?.number != number { statement = headers[number] }
        guard failure == nil, let statement, let component = StatementLine.Component(rawValue: component) else {
            failure = failure ?? .corrupt("a line of statement no. \(number) has a statement or component PbR does not know")
            return
        }
        let (achievedOn, clientID) = (day(achieved), client.isEmpty ? nil : ClientID(client))
        let key = LedgerKey.settled(by: component, payee: statement.payee, clientID: clientID, outcomeID: self.outcome(outcome),
                                    part: part == 0 ? nil : part, achievedOn: achievedOn)
        ledger.record(key, amount: Money(pence: amount), latest: IssuedLedger.Latest(
            reference: LineReference(statementID: statement.id, line: line), period: statement.period,
            earnedBy: earnedBy.isEmpty ? nil : ProviderID(earnedBy), band: Band(band), achievedOn: achievedOn, dueOn: day(due)))
    }
}
