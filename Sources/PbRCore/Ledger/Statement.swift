/// What is issued to one payee for one period under one contract: its lines, numbered, never edited.
public struct Statement: Sendable {
    public var contractID: String
    public var period: StatementPeriod
    public var payee: ProviderID
    public var lines: [StatementLine]

    /// `contract/period/payee`, e.g. `national-pilot/2013-06/P01`.
    public static func id(contract: String, period: StatementPeriod, payee: ProviderID) -> String {
        "\(contract)/\(period)/\(payee)"
    }

    public var id: String { Self.id(contract: contractID, period: period, payee: payee) }

    /// The period's statements: one per payee with a line, the block first, then attachment fees, then
    /// cohort shares, then outcome lines (and reversals by verification), in key order, then recoveries
    /// by verification, numbered from 1.
    /// - Parameters:
    ///   - blocks: each payee's block for the period.
    ///   - outcomes: the period's outcome drafts (`OutcomeLineDraft`).
    ///   - recoveries: the extrapolated recoveries of samples closed since the last period.
    public static func assemble(contract: String, period: StatementPeriod, blocks: [ProviderID: Money],
                                outcomes: [OutcomeLineDraft.Draft], recoveries: [VerificationSample.Recovery] = [],
                                blockReason: String? = nil) -> [Statement] {
        let payees = Set(blocks.keys).union(outcomes.map(\.key.payee)).union(recoveries.map(\.payee)).sorted()
        return payees.map { payee in
            let id = Self.id(contract: contract, period: period, payee: payee)
            var lines: [StatementLine] = []
            if let block = blocks[payee], block != .zero {
                lines.append(StatementLine(statementID: id, line: 1, period: period, providerID: payee, component: .block,
                                           kind: .new, amount: block, reason: blockReason ?? "block for \(period)"))
            }
            for draft in outcomes where draft.key.payee == payee {
                let hasOutcome = draft.key.component == .outcome || draft.key.component == .cohort
                lines.append(StatementLine(
                    statementID: id, line: lines.count + 1, period: period, providerID: payee, earnedBy: draft.earnedBy,
                    clientID: draft.key.component == .cohort ? nil : draft.key.clientID, component: draft.component,
                    outcomeID: hasOutcome ? draft.key.outcomeID : nil, part: hasOutcome ? draft.key.part : nil,
                    band: draft.band, achievedOn: draft.achievedOn, dueOn: draft.dueOn, kind: draft.kind, amount: draft.amount,
                    reason: draft.reason, refersTo: draft.refersTo))
            }
            for recovery in recoveries where recovery.payee == payee {
                lines.append(StatementLine(statementID: id, line: lines.count + 1, period: period, providerID: payee, earnedBy: recovery.provider,
                                           component: .verification, kind: .adjustment, amount: recovery.amount, reason: recovery.reason))
            }
            return Statement(contractID: contract, period: period, payee: payee, lines: lines)
        }
    }

    /// The sum of the statement's lines.
    public var net: Money { lines.reduce(.zero) { $0 + $1.amount } }
}
