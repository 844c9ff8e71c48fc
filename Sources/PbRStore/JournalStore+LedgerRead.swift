import PbRCore
import PostgresNIO
import SQLiteNIO
import Synchronization

extension JournalStore {
    /// Every line issued for a contract, without its reason and references: what the ledger needs to
    /// compute the next period (each key's total, its lines, the latest line's band and days). Read
    /// through the driver, as the journal is: after years of statements a contract holds millions of
    /// lines, and the generic row decoding and the reasons' text would be most of an issue's time.
    public func ledgerLines(_ contractID: String) async throws -> [StatementLine] {
        let query = """
            SELECT l.statement_id, l.line, s.period, s.payee, l.earned_by, l.client_id, l.component, l.outcome_id, l.part, l.band,
                   l.achieved_on, l.due_on, l.kind, l.amount
            FROM statement_lines l JOIN statements s ON s.statement_id = l.statement_id
            WHERE s.contract_id = 
            """
        let order = " ORDER BY s.number, l.line"
        let sink = LineSink()
        switch connection {
        case .sqlite(let sqlite):
            // Streamed as the driver steps, as the journal is read: no array of every row first.
            try await sqlite.query(query + "?" + order, [.text(contractID)]) { row in
                func text(_ column: String) -> String { if case .text(let value)? = row.column(column) { value } else { "" } }
                func number(_ column: String) -> Int { if case .integer(let value)? = row.column(column) { value } else { 0 } }
                sink.state.withLock { $0.add(text("statement_id"), number("line"), text("period"), text("payee"), text("earned_by"), text("client_id"),
                    text("component"), text("outcome_id"), number("part"), number("band"), text("achieved_on"), text("due_on"),
                    text("kind"), Int64(number("amount"))) }
            }
        case .postgres(let postgres):
            var binds = PostgresBindings()
            binds.append(contractID)
            let rows = try await postgres.query(PostgresQuery(unsafeSQL: query + "$1" + order, binds: binds), logger: postgres.logger)
            for try await row in rows {
                let (id, line, period, payee, earnedBy, client, component) =
                    try row.decode((String, Int, String, String, String, String, String).self)
                let cells = Array(row)
                func text(_ index: Int) throws -> String { try cells[index].decode(String.self) }
                let (outcome, part, band) = (try text(7), try cells[8].decode(Int.self), try cells[9].decode(Int.self))
                let (achieved, due, kind, amount) = (try text(10), try text(11), try text(12), try cells[13].decode(Int64.self))
                sink.state.withLock { $0.add(id, line, period, payee, earnedBy, client, component, outcome, part, band, achieved, due, kind, amount) }
            }
        }
        return try sink.state.withLock { decoder in
            if let failure = decoder.failure { throw failure }
            return decoder.lines
        }
    }
}

/// Where the rows of `ledgerLines` are decoded as the driver hands them over.
private final class LineSink: Sendable {
    let state = Mutex(LineDecoder())
}

private struct LineDecoder: Sendable {
    var lines: [StatementLine] = []
    var failure: StoreError?
    // Many lines share a statement (its period) and a day: each is parsed once.
    var periods: [String: StatementPeriod] = [:]
    var days: [String: Day] = [:]

    mutating func day(_ text: String) -> Day? {
        if text.isEmpty { return nil }
        if let known = days[text] { return known }
        let parsed = Day(iso: text)
        days[text] = parsed
        return parsed
    }

    mutating func add(_ id: String, _ line: Int, _ period: String, _ payee: String, _ earnedBy: String, _ client: String,
                      _ component: String, _ outcome: String, _ part: Int, _ band: Int, _ achieved: String, _ due: String,
                      _ kind: String, _ amount: Int64) {
        let parsed = periods[period] ?? StatementPeriod(period)
        periods[period] = parsed
        guard let period = parsed, let component = StatementLine.Component(rawValue: component),
              let kind = StatementLine.Kind(rawValue: kind) else {
            failure = .corrupt("statement line \(id):\(line) has a period, component or kind PbR does not know")
            return
        }
        let (achievedOn, dueOn) = (day(achieved), day(due))
        lines.append(StatementLine(
            statementID: id, line: line, period: period, providerID: ProviderID(payee), earnedBy: earnedBy.isEmpty ? nil : ProviderID(earnedBy),
            clientID: client.isEmpty ? nil : ClientID(client), component: component, outcomeID: outcome.isEmpty ? nil : OutcomeID(outcome),
            part: part == 0 ? nil : part, band: Band(band), achievedOn: achievedOn, dueOn: dueOn, kind: kind,
            amount: Money(pence: amount), reason: ""))
    }
}
