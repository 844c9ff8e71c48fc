import PbRCore
import SQLKit

extension JournalStore {
    /// A contract's disputes, by statement, then line.
    public func disputes(_ contractID: String) async throws -> [Dispute] {
        try await database.raw("""
            SELECT d.statement_id, d.line, d.amount, d.reason, d.held_from, d.resolution, d.upheld_total, d.note, d.resolved_from,
                   s.payee, l.client_id, l.component, l.outcome_id, l.part, l.achieved_on
            FROM disputes d JOIN statements s ON s.statement_id = d.statement_id
                 JOIN statement_lines l ON l.statement_id = d.statement_id AND l.line = d.line
            WHERE d.contract_id = \(bind: contractID) ORDER BY d.statement_id, d.line
            """).all().map { row in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            let reference = LineReference(statementID: try text("statement_id"), line: try row.decode(column: "line", as: Int.self))
            let payee = ProviderID(try text("payee"))
            let client = ClientID(try text("client_id"))
            let key: LedgerKey
            if try text("component") == StatementLine.Component.attachment.rawValue, let start = Day(iso: try text("achieved_on")) {
                key = .attachment(payee: payee, clientID: client, journeyStart: start)
            } else {
                key = LedgerKey(payee: payee, clientID: client, outcomeID: OutcomeID(try text("outcome_id")),
                                part: try row.decode(column: "part", as: Int.self))
            }
            guard let heldFrom = StatementPeriod(try text("held_from")),
                  let resolution = Dispute.Resolution(rawValue: try text("resolution")) else {
                throw StoreError.corrupt("the dispute of \(reference) has a period or resolution PbR does not know")
            }
            return Dispute(line: reference, payee: payee, key: key, amount: Money(pence: try row.decode(column: "amount", as: Int64.self)),
                           reason: try text("reason"), heldFrom: heldFrom, resolution: resolution,
                           upheldTotal: Money(pence: try row.decode(column: "upheld_total", as: Int64.self)), note: try text("note"),
                           resolvedFrom: StatementPeriod(try text("resolved_from")))
        }
    }

    /// Records a dispute of an issued line, if the line has none yet and the ledger has not moved past
    /// `heldFrom` (an issue at the same moment would otherwise miss the hold).
    public func raise(_ dispute: Dispute, contractID: String, by: String, at moment: String) async throws {
        try await transaction { db in
            try await self.expectNext(dispute.heldFrom, contractID, db)
            try await db.raw("""
                INSERT INTO disputes (contract_id, statement_id, line, amount, reason, raised_at, raised_by, held_from, resolution,
                                      upheld_total, note, resolved_at, resolved_by, resolved_from)
                VALUES (\(bind: contractID), \(bind: dispute.line.statementID), \(bind: dispute.line.line), \(bind: dispute.amount.pence),
                        \(bind: dispute.reason), \(bind: moment), \(bind: by), \(bind: dispute.heldFrom.description), 'open', 0, '', '', '', '')
                """).run()
        }
    }

    /// Records a dispute's resolution; the dispute must still be open.
    public func resolve(_ dispute: Dispute, contractID: String, by: String, at moment: String) async throws {
        try await transaction { db in
            guard let from = dispute.resolvedFrom else { throw StoreError.conflict("a resolution needs the period it takes effect in") }
            try await self.expectNext(from, contractID, db)
            let open = try await db.raw("""
                SELECT resolution FROM disputes WHERE statement_id = \(bind: dispute.line.statementID) AND line = \(bind: dispute.line.line)
                """).first()?.decode(column: "resolution", as: String.self)
            guard open == Dispute.Resolution.open.rawValue else {
                throw StoreError.conflict("the dispute of \(dispute.line) is \(open ?? "not on record"), not open")
            }
            try await db.raw("""
                UPDATE disputes SET resolution = \(bind: dispute.resolution.rawValue), upheld_total = \(bind: dispute.upheldTotal.pence),
                       note = \(bind: dispute.note), resolved_at = \(bind: moment), resolved_by = \(bind: by), resolved_from = \(bind: from.description)
                WHERE statement_id = \(bind: dispute.line.statementID) AND line = \(bind: dispute.line.line)
                """).run()
        }
    }

    /// Refuses when the contract's next period to issue is no longer `next`.
    func expectNext(_ next: StatementPeriod, _ contractID: String, _ db: any SQLDatabase) async throws {
        let last = try await db.raw("SELECT MAX(period) AS p FROM ledger_periods WHERE contract_id = \(bind: contractID)")
            .first()?.decode(column: "p", as: String?.self)
        guard let last, StatementPeriod(last)?.next == next else {
            throw StoreError.conflict("\(contractID)'s ledger moved on while this was recorded (issued up to \(last ?? "nothing")); nothing was written")
        }
    }
}
