import PbRCore
import PbRStore

extension StatementHTML {
    static let lineColumns = ["Line", "Component", "Kind", "Client", "Earned by", "Outcome", "Part", "Band", "Achieved on", "Due on", "Amount",
                              "Reason", "Refers to"]

    /// Every line, adjustments marked; the header row repeats on each printed page.
    static func lineTable(_ lines: [StatementLine]) -> String {
        guard !lines.isEmpty else { return "<p>No lines.</p>" }
        let head = "<thead><tr>" + lineColumns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>"
        let rows = lines.map { line in
            // Earned by: under a prime, the subcontractor each line is passed on to.
            let cells = [String(line.line), line.component.rawValue, line.kind.rawValue, line.clientID?.rawValue ?? "",
                         line.earnedBy?.rawValue ?? "", line.outcomeID?.rawValue ?? "", line.part.map(String.init) ?? "", line.band?.description ?? "",
                         line.achievedOn?.description ?? "", line.dueOn?.description ?? ""].map { "<td>\(escape($0))</td>" }
            let tail = "<td>\(escape(line.reason))</td><td>\(escape(line.refersTo.map(\.description).joined(separator: " ")))</td>"
            let kind = line.kind == .adjustment ? " class=\"adjustment\"" : ""
            return "<tr\(kind)>" + cells.joined() + amountCell(line.amount) + tail + "</tr>"
        }
        return """
            <p class="legend">Adjustments (shaded, marked in the margin) correct lines issued before; a negative amount is a claw-back.</p>
            <table class="lines">
            \(head)
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
    }

    /// A two-column table of sums (by outcome, or by band), or a sentence when there is none.
    static func sums(_ title: String, _ sums: [(String, Money)]) -> String {
        guard !sums.isEmpty else { return "<p>No outcome lines by \(escape(title.lowercased())).</p>" }
        return "<table class=\"sums\">\n<thead><tr><th>\(escape(title))</th><th class=\"amount\">Amount</th></tr></thead>\n<tbody>\n"
            + sums.map { "<tr><td>\(escape($0.0))</td>\(amountCell($0.1))</tr>" }.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    /// The payee's disputes as of the statement's period: each line disputed, its amount, from when it is
    /// held back, and how it stands; or "None".
    static func disputes(_ disputes: [Dispute], period: StatementPeriod) -> String {
        guard !disputes.isEmpty else { return "<p>None</p>" }
        let rows = disputes.map { dispute in
            let state = dispute.state(in: period)
            return "<tr><td>\(escape(dispute.line.description))</td>\(amountCell(dispute.amount))<td>\(escape(dispute.heldFrom.description))</td>"
                + "<td>\(escape(state))</td><td>\(escape(dispute.reason))</td></tr>"
        }
        return "<table class=\"sums\">\n<thead><tr><th>Line</th><th class=\"amount\">Amount</th><th>Held from</th><th>State</th>"
            + "<th>Reason</th></tr></thead>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    /// An amount as people read it (`£1,234.50`, `-£600.00`), right-aligned, negative ones marked.
    static func amountCell(_ amount: Money) -> String {
        "<td class=\"amount\(amount < .zero ? " negative" : "")\">\(escape(amount.sterling))</td>"
    }

    /// `text` safe in an element or a quoted attribute: `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
