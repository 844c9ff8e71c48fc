import PbRCore
import PbRStore

extension StatementHTML {
    static let lineColumns = ["Line", "Component", "Kind", "Client", "Outcome", "Part", "Band", "Achieved on", "Due on", "Amount",
                              "Reason", "Refers to"]

    /// Every line, adjustments marked; the header row repeats on each printed page.
    static func lineTable(_ lines: [StatementLine]) -> String {
        guard !lines.isEmpty else { return "<p>No lines.</p>" }
        let head = "<thead><tr>" + lineColumns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>"
        let rows = lines.map { line in
            let cells = [String(line.line), line.component.rawValue, line.kind.rawValue, line.clientID?.rawValue ?? "",
                         line.outcomeID?.rawValue ?? "", line.part.map(String.init) ?? "", line.band?.description ?? "",
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

    /// The statement's disputed amounts (`STATEMENT_ID:LINE` keys of this statement), in line order, or "None".
    static func disputes(_ statement: StoredStatement, lines: [StatementLine], disputed: [String: Money]) -> String {
        let prefix = statement.id + ":"
        let held = disputed.compactMap { key, amount in
            key.hasPrefix(prefix) ? (line: Int(key.dropFirst(prefix.count)), key: key, amount: amount) : nil
        }.sorted { ($0.line ?? .max, $0.key) < ($1.line ?? .max, $1.key) }
        guard !held.isEmpty else { return "<p>None</p>" }
        let rows = held.map { entry in
            let line = lines.first { $0.line == entry.line }
            return "<tr><td>\(escape(entry.key))</td>\(line.map { amountCell($0.amount) } ?? "<td></td>")\(amountCell(entry.amount))</tr>"
        }
        let total = held.reduce(Money.zero) { $0 + $1.amount }
        return "<table class=\"sums\">\n<thead><tr><th>Line</th><th class=\"amount\">Line amount</th><th class=\"amount\">Disputed</th></tr></thead>\n"
            + "<tbody>\n" + rows.joined(separator: "\n") + "\n<tr class=\"total\"><th>Total disputed</th><td></td>\(amountCell(total))</tr>"
            + "\n</tbody>\n</table>"
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
