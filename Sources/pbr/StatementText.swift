import Foundation
import PbRCore
import PbRService
import PbRStore

/// Statements as a person reads them at a terminal.
enum StatementText {
    /// One issued period: a line a statement, with what it pays.
    static func issued(_ issued: StatementIssue.IssuedStatements) -> String {
        let pin = issued.period
        var text = "Issued \(pin.contractID)/\(pin.period): \(issued.statements.count.counted("statement")), "
            + "\(issued.lines.count.counted("line")) (contract version \(pin.contractVersion), "
            + (pin.lastImportID == 0 ? "no import" : "data to import #\(pin.lastImportID)")
            + (pin.knownAt.map { " known at \($0.text)" } ?? "") + ")."
        for statement in issued.statements { text += "\n  " + summary(statement) }
        return text
    }

    static func summary(_ statement: StoredStatement) -> String {
        let t = statement.totals
        var text = "\(statement.id)  no. \(statement.number)  net \(t.net.sterling)  payable \(t.payable.sterling)"
        if t.broughtForward != .zero { text += "  brought forward \(t.broughtForward.sterling)" }
        if t.carriedForward != .zero { text += "  carried forward \(t.carriedForward.sterling)" }
        return text
    }

    static func list(periods: [IssuedPeriod], statements: [StoredStatement], contract: String) -> String {
        guard !periods.isEmpty else { return "\(contract): no statements issued yet." }
        var text = "\(contract): \(periods.count.counted("period")) issued, \(periods[0].period) to \(periods.last!.period)."
        let byPeriod = Dictionary(grouping: statements, by: \.period)
        for period in periods {
            let held = byPeriod[period.period] ?? []
            text += "\n\(period.period)  issued \(period.issuedAt) by \(period.issuedBy)  version \(period.contractVersion)  "
                + "import #\(period.lastImportID)" + (held.isEmpty ? "  nothing due" : "")
            for statement in held { text += "\n  " + summary(statement) }
        }
        return text
    }

    static func show(_ issued: StatementBook.Issued, lineLimit: Int) -> String {
        let pin = issued.period
        var text = "\(pin.contractID) \(pin.period): issued \(pin.issuedAt) by \(pin.issuedBy); contract version "
            + "\(pin.contractVersion) (sha256 \(issued.contract.sha256.prefix(12))); run as of \(pin.period.lastDay) on "
            + (pin.lastImportID == 0 ? "no import" : "the data to import #\(pin.lastImportID)")
            + (pin.knownAt.map { " known at \($0.text)" } ?? "") + "; inputs sha256 \(pin.inputsDigest.prefix(12))"
        for line in pin.capHeadroom { text += "\nCap \(line)" }
        if issued.statements.isEmpty { text += "\nNo statement: nothing was due for this payee." }
        let lines = Dictionary(grouping: issued.lines, by: \.statementID)
        for statement in issued.statements {
            let held = lines[statement.id] ?? []
            let t = statement.totals
            text += "\n\nStatement \(statement.id) (no. \(statement.number), sha256 \(statement.digest.prefix(12)))"
            // Verification lines are in the net; the totals keep no column of their own, so they are summed here.
            let verification = held.filter { $0.component == .verification }.reduce(Money.zero) { $0 + $1.amount }
            let verificationRow = verification == .zero ? [] : [("Verification", verification)]
            for (label, amount) in [("Brought forward", t.broughtForward), ("New outcome lines", t.new), ("Adjustments", t.adjustments),
                                    ("Block", t.block), ("Attachment fees", t.attachment)] + verificationRow
                                    + [("Net", t.net), ("Held back (disputes)", t.held), ("Payable", t.payable), ("Carried forward", t.carriedForward)] {
                text += "\n  " + label.padding(toLength: 20, withPad: " ", startingAt: 0) + pad(amount.sterling, 16)
            }
            if t.carriedForward < .zero {
                text += "\n  The claw-backs exceed what is earned: \(t.carriedForward.sterling) is carried forward and offset against later statements."
            }
            for dispute in issued.disputes where dispute.payee == statement.payee {
                let state = dispute.state(in: pin.period)
                text += "\n  Disputed: \(dispute.line) \(dispute.amount.sterling), held from \(dispute.heldFrom) (\(dispute.reason)); \(state)"
            }
            let outcomes = StatementTotals.byOutcome(held)
            if !outcomes.isEmpty { text += "\n  By outcome: " + outcomes.map { "\($0.0) \($0.1.sterling)" }.joined(separator: ", ") }
            let bands = StatementTotals.byBand(held)
            if !bands.isEmpty { text += "\n  By band: " + bands.map { "band \($0.0) \($0.1.sterling)" }.joined(separator: ", ") }
            let shown = lineLimit > 0 ? Array(held.prefix(lineLimit)) : held
            for line in shown {
                let subject = [line.clientID?.rawValue, line.outcomeID?.rawValue, line.part.map { "part \($0)" }, line.band.map { "band \($0)" }]
                    .compactMap { $0 }.joined(separator: " ")
                text += "\n  \(pad(String(line.line), 5)) \(line.component.rawValue) \(line.kind.rawValue) \(subject) "
                    + "\(line.amount.sterling): \(line.reason)"
                    + (line.refersTo.isEmpty ? "" : " [corrects \(line.refersTo.map(\.description).joined(separator: " "))]")
            }
            if shown.count < held.count { text += "\n  ... \((held.count - shown.count).counted("more line")) (`pbr statement export` writes them all)" }
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
