import PbRCore
import PbRStore

/// Where a contract's ledger stands before a period: what each key has been paid, each payee's balance
/// carried forward, and the next statement number. Issuing and verifying both move it one period on.
struct LedgerState: Sendable {
    var issued = IssuedLedger()
    var balances: [ProviderID: Money] = [:]
    var nextNumber = 1
    /// Every dispute of the contract: each period takes what falls to it (`Dispute.effects`).
    var disputes: [Dispute] = []
    /// Every verification sample of the contract: each period takes the closed ones' reversals and
    /// recoveries that fall to it (`VerificationSample.effects`).
    var verifications: [VerificationSample] = []

    init(disputes: [Dispute] = [], verifications: [VerificationSample] = []) {
        self.disputes = disputes
        self.verifications = verifications
    }

    /// The state after the statements stored so far, `issued` being what their lines add up to.
    init(statements: [StoredStatement], issued: IssuedLedger, disputes: [Dispute], verifications: [VerificationSample]) {
        self.disputes = disputes
        self.verifications = verifications
        self.issued = issued
        for statement in statements.sorted(by: { $0.number < $1.number }) { balances[statement.payee] = statement.totals.carriedForward }
        nextNumber = (statements.map(\.number).max() ?? 0) + 1
    }

    /// What one period adds, ready to store (its `IssuedPeriod` still to be stamped).
    struct Period: Sendable {
        var statements: [StoredStatement]
        var lines: [StatementLine]
    }

    /// Computes `period`'s statements from `run` and moves the state past them.
    mutating func issue(_ period: StatementPeriod, versions: ContractVersions, run: [Entitlement],
                        histories: [ClientHistory]) throws(LedgerRefusal) -> Period {
        commit(try draft(period, versions: versions, run: run, histories: histories), period: period)
    }

    /// The adjustments of a draft, each with the period of the line it corrects last: where the data
    /// that changed it can be looked for (`DataChanges`). Not reversals by verification: a finding, not
    /// the data, changed them.
    static func adjustments(_ draft: [PeriodStatements.Issued], issued: IssuedLedger) -> [(line: StatementLine, since: StatementPeriod)] {
        draft.flatMap(\.statement.lines).compactMap { line in
            guard line.kind == .adjustment, line.component != .verification, let key = line.key,
                  let latest = issued[key]?.latest else { return nil }
            return (line, latest.period)
        }
    }

    /// `period`'s statements, not yet numbered or recorded.
    func draft(_ period: StatementPeriod, versions: ContractVersions, run: [Entitlement],
               histories: [ClientHistory]) throws(LedgerRefusal) -> [PeriodStatements.Issued] {
        var byClient: [ClientID: ClientHistory]?
        let contract = versions.inForce(on: period.lastDay)
        let cohorts = CohortOutcomes.owed(contract, CohortOutcomes.evaluate(contract, histories, asOf: period.lastDay),
                                          asOf: period.lastDay)
        let attachments = AttachmentFees.owed(contract, histories, asOf: period.lastDay) + cohorts
        return try PeriodStatements.compute(versions: versions, period: period, run: run, attachments: attachments,
                                                    issued: issued, balances: balances,
                                                    disputes: Dispute.effects(disputes, on: period),
                                                    verification: VerificationSample.effects(verifications, on: period),
                                                    providers: { Set(histories.flatMap { $0.episodes.map(\.providerID) }) },
                                                    why: { key in
            if key.component == .cohort {
                return "cohort \(key.part) of \(key.outcomeID) no longer pays \(key.payee) on the data now known"
            }
            if key.component == .attachment {
                return "no journey of \(key.clientID) starts on \(key.journeyStart.map(\.description) ?? "that day") in the data now known"
            }
            // Only for keys no longer owed: a few clients a month, so the index is built once, when first needed.
            if byClient == nil { byClient = Dictionary(histories.map { ($0.clientID, $0) }, uniquingKeysWith: { a, _ in a }) }
            let run = EntitlementRun(contract: versions.inForce(on: period.lastDay))
            guard let history = byClient?[key.clientID] else { return "the client is no longer in the data" }
            return run.trace(history, asOf: period.lastDay).first { $0.outcomeID == key.outcomeID }?.cause(part: key.part)
        })
    }

    /// Numbers and digests a draft, with each adjustment's reason completed by `notes` (the data that
    /// changed, by line), and moves the state past it.
    mutating func commit(_ draft: [PeriodStatements.Issued], period: StatementPeriod,
                         notes: [LineReference: String] = [:]) -> Period {
        var result = Period(statements: [], lines: [])
        for var item in draft {
            for index in item.statement.lines.indices {
                if let note = notes[item.statement.lines[index].reference] { item.statement.lines[index].reason += "; " + note }
            }
            let statement = StoredStatement(id: item.statement.id, contractID: item.statement.contractID, period: period,
                                            payee: item.statement.payee, number: nextNumber, totals: item.totals,
                                            digest: StatementDigest.of(item.statement.lines, totals: item.totals))
            nextNumber += 1
            balances[statement.payee] = item.totals.carriedForward
            issued.record(item.statement.lines)
            result.statements.append(statement)
            result.lines += item.statement.lines
        }
        return result
    }
}
