/// One period's statements for a contract: the block and each payee's outcome lines, with totals that
/// carry an unrecovered claw-back forward. Pure: the use case loads what it needs and stores the result.
public enum PeriodStatements {
    public struct Issued: Sendable {
        public var statement: Statement
        public var totals: StatementTotals
    }

    /// - Parameters:
    ///   - run: the contract's run as of the period's last day, on the data the period pins.
    ///   - attachments: the attachment fees owed as of that day.
    ///   - issued: every line issued before this period.
    ///   - balances: each payee's carried-forward balance from its latest statement.
    ///   - disputes: what disputes hold back, release and settle this period (`Dispute.effects`).
    ///   - verification: what closed verification samples reverse, settle and recover this period
    ///     (`VerificationSample.effects`); a key settled by both a dispute and a finding takes the finding.
    ///   - providers: the providers the journal names (who is paid the block when the contract names no
    ///     prime and no shares); called only when a block is due.
    ///   - why: why a key issued before is no longer owed (`OutcomeTrace.cause`).
    /// - Returns: a statement for each payee with a line or a balance brought forward, in payee order.
    public static func compute(versions: ContractVersions, period: StatementPeriod, run: [Entitlement],
                               attachments: [OutcomeLineDraft.Owed] = [], issued: IssuedLedger,
                               balances: [ProviderID: Money], disputes: Dispute.Effects = .init(),
                               verification: VerificationSample.Effects = .init(),
                               providers: () -> Set<ProviderID>,
                               why: (LedgerKey) -> String? = { _ in nil }) throws(LedgerRefusal) -> [Issued] {
        let contract = versions.inForce(on: period.firstDay)
        var blocks: [ProviderID: Money] = [:]
        if let block = BlockSchedule.amount(for: period, contract: contract), block != .zero {
            blocks = try BlockPayees.split(block, contract: contract, providers: contract.providers.isEmpty ? providers() : contract.providers)
        }
        let drafts = OutcomeLineDraft.drafts(run: run, attachments: attachments, issued: issued, asOf: period.lastDay,
                                             overrides: disputes.overrides.merging(verification.overrides) { $1 }, why: why)
        var statements = Statement.assemble(contract: contract.id, period: period, blocks: blocks, outcomes: drafts,
                                            recoveries: verification.recoveries, blockReason: BlockSchedule.reason(for: period, contract: contract))
        let withLines = Set(statements.map(\.payee))
        let quiet = Set(balances.filter { $0.value != .zero }.keys).union(disputes.holds.filter { $0.value != .zero }.keys)
        for payee in quiet.subtracting(withLines) {
            statements.append(Statement(contractID: contract.id, period: period, payee: payee, lines: []))
        }
        return statements.sorted { $0.payee < $1.payee }.map {
            Issued(statement: $0, totals: StatementTotals(lines: $0.lines, broughtForward: balances[$0.payee] ?? .zero,
                                                          held: disputes.holds[$0.payee] ?? .zero))
        }
    }
}
