import PbRCore
import PbRStore

/// A period's statements as a commissioner's finance team prints and files them: one standalone HTML5
/// document (UTF-8, inline CSS, no script, nothing fetched), each payee's statement on its own A4 pages,
/// with its header and pin, totals, totals by outcome and band, every line, and the amounts in dispute.
/// Every text from the store is escaped.
public enum StatementHTML {
    /// - Parameters:
    ///   - issued: one period's statements and lines (`StatementBook.period`).
    /// - Returns: the whole document.
    public static func render(_ issued: StatementBook.Issued) -> String {
        let pin = issued.period
        let byStatement = Dictionary(grouping: issued.lines, by: \.statementID)
        var body = issued.statements.isEmpty
            ? "<h1>\(escape("\(pin.contractID) \(pin.period)"))</h1>\n<p>No statement: nothing was due for this period.</p>\n" : ""
        for statement in issued.statements {
            body += section(statement, lines: byStatement[statement.id] ?? [], issued: issued)
        }
        return HTMLPage.document(title: "Statements \(pin.contractID) \(pin.period)", style: style, body: body)
    }

    static func section(_ statement: StoredStatement, lines: [StatementLine], issued: StatementBook.Issued) -> String {
        """
        <section class="statement" id="\(escape(statement.id))">
        <h1>Statement \(escape(statement.id))</h1>
        \(header(statement, issued))
        <h2>Totals</h2>
        \(totals(statement.totals))
        <h2>By outcome and band</h2>
        <div class="breakdown">
        \(sums("Outcome", StatementTotals.byOutcome(lines).map { ($0.0.rawValue, $0.1) }))
        \(sums("Band", StatementTotals.byBand(lines).map { ("band \($0.0)", $0.1) }))
        </div>
        <h2>Lines</h2>
        \(lineTable(lines))
        <div class="disputed">
        <h2>Disputed amounts</h2>
        \(disputes(issued.disputes.filter { $0.payee == statement.payee }, period: statement.period))
        </div>
        </section>

        """
    }

    static func header(_ statement: StoredStatement, _ issued: StatementBook.Issued) -> String {
        let pin = issued.period, contract = issued.contract
        let facts: [(String, String)] = [
            ("Contract", "\(contract.contractID), version \(contract.version) (sha256 \(contract.sha256.prefix(12)))"),
            ("Period", "\(pin.period) (run as of \(pin.period.lastDay))"),
            ("Payee", statement.payee.rawValue),
            ("Statement number", String(statement.number)),
            ("Issued", "\(pin.issuedAt) by \(pin.issuedBy)"),
            ("Last import", pin.lastImportID == 0 ? "none" : "#\(pin.lastImportID)"),
            ("Known at", pin.knownAt?.text ?? "everything imported"),
        ]
        var rows = facts.map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }
        rows.append("<tr><th>Statement digest</th><td class=\"digest\">sha256 \(escape(statement.digest))</td></tr>")
        return "<table class=\"facts\">\n" + rows.joined(separator: "\n") + "\n</table>"
    }

    static func totals(_ t: StatementTotals) -> String {
        let rows: [(String, Money, Bool)] = [
            ("Brought forward", t.broughtForward, false), ("New outcome lines", t.new, false), ("Adjustments", t.adjustments, false),
            ("Block", t.block, false), ("Attachment fees", t.attachment, false), ("Net", t.net, true),
            ("Held back (disputes)", t.held, false), ("Payable", t.payable, true),
            ("Carried forward", t.carriedForward, true),
        ]
        var text = "<table class=\"totals\">\n" + rows.map { label, amount, total in
            "<tr\(total ? " class=\"total\"" : "")><th>\(escape(label))</th>\(amountCell(amount))</tr>"
        }.joined(separator: "\n") + "\n</table>"
        if t.carriedForward < .zero {
            text += "\n<p class=\"note\">The claw-backs exceed what is earned: \(escape(t.carriedForward.sterling)) is carried "
                + "forward and offset against later statements.</p>"
        }
        return text
    }
}
