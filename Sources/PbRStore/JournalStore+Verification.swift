import PbRCore
import SQLKit

extension JournalStore {
    /// A contract's verification samples, by period, each with its providers and sampled lines (the
    /// lines' fields read from the statement lines they name).
    public func verificationSamples(_ contractID: String) async throws -> [VerificationSample] {
        let providers = Dictionary(grouping: try await verificationProviders(contractID), by: { $0.period })
        let lines = Dictionary(grouping: try await verificationLines(contractID), by: { $0.period })
        return try await database.raw("""
            SELECT period, seed, rate_bp, posted_in FROM verification_samples WHERE contract_id = \(bind: contractID) ORDER BY period
            """).all().map { row in
            let text = try row.decode(column: "period", as: String.self)
            guard let period = StatementPeriod(text), let seed = UInt64(try row.decode(column: "seed", as: String.self)) else {
                throw StoreError.corrupt("the verification sample of \(contractID) '\(text)' has a period or seed PbR does not know")
            }
            return VerificationSample(contractID: contractID, period: period, seed: seed, rateBasisPoints: try row.decode(column: "rate_bp", as: Int.self),
                                      providers: providers[period]?.map { $0.draw } ?? [],
                                      lines: (lines[period]?.map { $0.line } ?? []).sorted { SampleDraw.precedes($0.reference, $1.reference) },
                                      postedIn: StatementPeriod(try row.decode(column: "posted_in", as: String.self)))
        }
    }

    private func verificationProviders(_ contractID: String) async throws -> [(period: StatementPeriod, draw: VerificationSample.ProviderDraw)] {
        try await database.raw("""
            SELECT period, provider_id, payee, status, past_sampled, past_not_confirmed, rate_bp, paid_lines, paid_value, recovery, working
            FROM verification_providers WHERE contract_id = \(bind: contractID) ORDER BY period, provider_id
            """).all().map { row in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            func number(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
            guard let period = StatementPeriod(try text("period")), let status = RiskStatus(rawValue: try text("status")) else {
                throw StoreError.corrupt("a verification provider of \(contractID) has a period or status PbR does not know")
            }
            return (period, VerificationSample.ProviderDraw(
                provider: ProviderID(try text("provider_id")), payee: ProviderID(try text("payee")), status: status,
                pastSampled: try number("past_sampled"), pastNotConfirmed: try number("past_not_confirmed"), rateBasisPoints: try number("rate_bp"),
                paidLines: try number("paid_lines"), paidValue: Money(pence: try row.decode(column: "paid_value", as: Int64.self)),
                recovery: Money(pence: try row.decode(column: "recovery", as: Int64.self)), working: try text("working")))
        }
    }

    private func verificationLines(_ contractID: String) async throws -> [(period: StatementPeriod, line: VerificationSample.Line)] {
        try await database.raw("""
            SELECT v.period, v.statement_id, v.line, v.finding, v.reason, s.payee, l.earned_by, l.client_id, l.outcome_id, l.part, l.amount
            FROM verification_lines v JOIN statements s ON s.statement_id = v.statement_id
                 JOIN statement_lines l ON l.statement_id = v.statement_id AND l.line = v.line
            WHERE v.contract_id = \(bind: contractID)
            """).all().map { row in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            let reference = LineReference(statementID: try text("statement_id"), line: try row.decode(column: "line", as: Int.self))
            let finding: VerificationSample.Finding?
            switch try text("finding") {
            case "": finding = nil
            case "confirmed": finding = .confirmed
            case "not_confirmed": finding = .notConfirmed(reason: try text("reason"))
            case let other: throw StoreError.corrupt("the finding of sampled line \(reference) is '\(other)'")
            }
            guard let period = StatementPeriod(try text("period")) else {
                throw StoreError.corrupt("sampled line \(reference) has a period PbR does not know")
            }
            let payee = ProviderID(try text("payee")), earnedBy = try text("earned_by")
            return (period, VerificationSample.Line(
                reference: reference, payee: payee, provider: earnedBy.isEmpty ? payee : ProviderID(earnedBy),
                clientID: ClientID(try text("client_id")), outcomeID: OutcomeID(try text("outcome_id")),
                part: try row.decode(column: "part", as: Int.self), amount: Money(pence: try row.decode(column: "amount", as: Int64.self)),
                finding: finding))
        }
    }

    /// Records a sample just drawn, with its providers and lines, none with a finding yet.
    /// - Throws: `StoreError.conflict` when the period has a sample already; nothing is written then.
    public func recordDraw(_ sample: VerificationSample, by: String, at moment: String) async throws {
        try await transaction { db in
            let existing = try await db.raw("""
                SELECT seed FROM verification_samples WHERE contract_id = \(bind: sample.contractID) AND period = \(bind: sample.period.description)
                """).first()
            guard existing == nil else { throw StoreError.conflict("\(sample.contractID)'s \(sample.period) was sampled already; nothing was written") }
            try await db.raw("""
                INSERT INTO verification_samples (contract_id, period, seed, rate_bp, drawn_at, drawn_by, posted_in, closed_at, closed_by)
                VALUES (\(bind: sample.contractID), \(bind: sample.period.description), \(bind: String(sample.seed)), \(bind: sample.rateBasisPoints),
                        \(bind: moment), \(bind: by), '', '', '')
                """).run()
            for draw in sample.providers {
                try await db.raw("""
                    INSERT INTO verification_providers (contract_id, period, provider_id, payee, status, past_sampled, past_not_confirmed, rate_bp,
                                                        paid_lines, paid_value, recovery, working)
                    VALUES (\(bind: sample.contractID), \(bind: sample.period.description), \(bind: draw.provider.rawValue), \(bind: draw.payee.rawValue),
                            \(bind: draw.status.rawValue), \(bind: draw.pastSampled), \(bind: draw.pastNotConfirmed), \(bind: draw.rateBasisPoints),
                            \(bind: draw.paidLines), \(bind: draw.paidValue.pence), 0, '')
                    """).run()
            }
            for chunk in stride(from: 0, to: sample.lines.count, by: Self.linesPerInsert) {
                let insert = db.insert(into: "verification_lines")
                    .columns("contract_id", "period", "statement_id", "line", "finding", "reason", "found_at", "found_by")
                for line in sample.lines[chunk..<min(sample.lines.count, chunk + Self.linesPerInsert)] {
                    let values: [any Encodable & Sendable] = [sample.contractID, sample.period.description, line.reference.statementID,
                                                              line.reference.line, "", "", "", ""]
                    insert.values(values.map { SQLBind($0) })
                }
                try await insert.run()
            }
        }
    }

    /// Records the finding of a sampled line of an open sample (a later finding replaces an earlier
    /// one until the sample is closed).
    public func recordFinding(_ finding: VerificationSample.Finding, of line: LineReference, contractID: String, period: StatementPeriod,
                              by: String, at moment: String) async throws {
        try await transaction { db in
            try await self.expectOpen(contractID, period, db)
            let (code, reason) = switch finding {
            case .confirmed: ("confirmed", "")
            case .notConfirmed(let reason): ("not_confirmed", reason)
            }
            let found = try await db.raw("""
                SELECT line FROM verification_lines WHERE contract_id = \(bind: contractID) AND period = \(bind: period.description)
                    AND statement_id = \(bind: line.statementID) AND line = \(bind: line.line)
                """).first()
            guard found != nil else { throw StoreError.conflict("\(line) is not in \(contractID)'s sample of \(period)") }
            try await db.raw("""
                UPDATE verification_lines SET finding = \(bind: code), reason = \(bind: reason), found_at = \(bind: moment), found_by = \(bind: by)
                WHERE statement_id = \(bind: line.statementID) AND line = \(bind: line.line)
                """).run()
        }
    }

    /// Closes a sample (`VerificationSample.closed`): fixes each provider's recovery and the period
    /// that posts it, if that is still the contract's next period to issue and every line has a finding.
    public func recordClose(_ sample: VerificationSample, by: String, at moment: String) async throws {
        guard let posted = sample.postedIn else { throw StoreError.conflict("a closed sample needs the period that posts it") }
        try await transaction { db in
            try await self.expectNext(posted, sample.contractID, db)
            try await self.expectOpen(sample.contractID, sample.period, db)
            let open = try await db.raw("""
                SELECT COUNT(*) AS n FROM verification_lines
                WHERE contract_id = \(bind: sample.contractID) AND period = \(bind: sample.period.description) AND finding = ''
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            guard open == 0 else { throw StoreError.conflict("\(open) sampled lines of \(sample.period) have no finding yet; nothing was written") }
            for draw in sample.providers {
                try await db.raw("""
                    UPDATE verification_providers SET recovery = \(bind: draw.recovery.pence), working = \(bind: draw.working)
                    WHERE contract_id = \(bind: sample.contractID) AND period = \(bind: sample.period.description) AND provider_id = \(bind: draw.provider.rawValue)
                    """).run()
            }
            try await db.raw("""
                UPDATE verification_samples SET posted_in = \(bind: posted.description), closed_at = \(bind: moment), closed_by = \(bind: by)
                WHERE contract_id = \(bind: sample.contractID) AND period = \(bind: sample.period.description)
                """).run()
        }
    }

    /// Refuses unless the contract's sample of `period` exists and is open.
    private func expectOpen(_ contractID: String, _ period: StatementPeriod, _ db: any SQLDatabase) async throws {
        let posted = try await db.raw("""
            SELECT posted_in FROM verification_samples WHERE contract_id = \(bind: contractID) AND period = \(bind: period.description)
            """).first()?.decode(column: "posted_in", as: String.self)
        guard let posted else { throw StoreError.conflict("\(contractID)'s \(period) has no verification sample; nothing was written") }
        guard posted.isEmpty else {
            throw StoreError.conflict("\(contractID)'s sample of \(period) is closed (posted in \(posted)); nothing was written")
        }
    }
}
