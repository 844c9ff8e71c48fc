import PbRCore
import PbRStore

/// `pbr statement dispute` and `pbr statement resolve`: a payee disputes an issued line; it is held back
/// from the next statement; upheld, the next statement adjusts the key and releases the hold; rejected,
/// the next statement releases the hold and the line stands. Nothing issued is edited.
public struct StatementDisputes: Sendable {
    public let store: JournalStore
    public let clock: WallClock

    public init(store: JournalStore, clock: WallClock = .system) { self.store = store; self.clock = clock }

    /// - Parameter line: `STATEMENT_ID:LINE`, as the export's `refers_to` writes it.
    /// - Throws: a `Refusal` for a line not issued under the contract, a block line, or one disputed already.
    public func raise(contractID: String, line text: String, reason: String, by: String) async throws -> Dispute {
        let (line, next) = try await issuedLine(contractID, text)
        // A reversal by verification settles a key too, but is the commissioner's finding, not a payment to dispute.
        guard line.component != .verification, let key = line.key else {
            throw Refusal("\(text) is a \(line.component.rawValue) line: only outcome and attachment lines can be disputed")
        }
        guard !(try await store.disputes(contractID)).contains(where: { $0.line == line.reference }) else {
            throw Refusal("\(text) is disputed already; `pbr statement resolve` settles it")
        }
        guard !reason.isEmpty else { throw Refusal("a dispute needs a reason (--reason)") }
        let dispute = Dispute(line: line.reference, payee: line.providerID, key: key, amount: line.amount, reason: reason, heldFrom: next)
        try await store.raise(dispute, contractID: contractID, by: by, at: clock.timestamp)
        return dispute
    }

    /// Upholds or rejects an open dispute, from the next period to issue.
    public func resolve(contractID: String, line text: String, uphold: Bool, note: String, by: String) async throws -> Dispute {
        let (line, next) = try await issuedLine(contractID, text)
        guard var dispute = try await store.disputes(contractID).first(where: { $0.line == line.reference }) else {
            throw Refusal("\(text) is not disputed; `pbr statement dispute` raises a dispute")
        }
        guard dispute.resolution == .open else { throw Refusal("the dispute of \(text) was \(dispute.resolution.rawValue) already") }
        dispute.resolution = uphold ? .upheld : .rejected
        dispute.note = note
        dispute.resolvedFrom = next
        if uphold {
            // The key is owed what it was paid less the disputed line: the line is reversed.
            let issued = IssuedLedger(try await store.statementLines(contractID))
            dispute.upheldTotal = (issued[dispute.key]?.total ?? .zero) - dispute.amount
        }
        try await store.resolve(dispute, contractID: contractID, by: by, at: clock.timestamp)
        return dispute
    }

    /// The issued line `text` names, and the contract's next period to issue.
    private func issuedLine(_ contractID: String, _ text: String) async throws -> (StatementLine, StatementPeriod) {
        _ = try await ContractRegistry(store: store).versions(of: contractID)
        guard let colon = text.lastIndex(of: ":"), let number = Int(text[text.index(after: colon)...]) else {
            throw Refusal("'\(text)' is not a line: write STATEMENT_ID:LINE, e.g. \(contractID)/2013-06/P01:1")
        }
        let id = String(text[..<colon])
        guard let line = try await store.statementLines(contractID).first(where: { $0.statementID == id && $0.line == number }) else {
            throw Refusal("no line \(text) in \(contractID)'s statements")
        }
        guard let last = try await store.issuedPeriods(contractID).last else { throw Refusal("\(contractID) has no statements") }
        return (line, last.period.next)
    }
}
