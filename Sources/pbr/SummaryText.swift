import PbRCore

/// The run's summary for a terminal: totals by provider and outcome, by contract year beside the
/// contract's results budget, and by band, with what pending lines will pay when they fall due. Amounts
/// are money (`£1,234.50`), counts say what they count. Every figure comes from PbRCore
/// (`EntitlementSummary`, `YearTotals`, `BandTotals`); this only lays them out, each table narrower than
/// 100 columns up to £999,999,999.99 and 999,999 lines a row.
enum SummaryText {
    static func render(_ report: EntitlementReport, contract: Contract, knownAt: Moment?) -> String {
        let summary = EntitlementSummary(report.lines)
        let total = summary.total
        var out = "Entitlements under \(contract.id) as of \(report.asOf) (\(report.clientsEvaluated.counted("client")))\n"
        out += knownAt.map { "Data known at \($0).\n" } ?? "All data imported.\n"
        out += "\nBy provider and outcome\n" + providerTable(summary)
        out += "\nBy contract year (the year that holds each line's earning day)\n"
        out += yearTable(YearTotals(report.lines, contract: contract), contract: contract)
        out += "\nBy band (in force on the achievement day)\n" + bandTable(BandTotals(report.lines), total: total)
        out += """

            Pending value: what pending lines will pay when they fall due, at their band's price before caps;
            the entitlements CSV writes them as 0.00.
            Results budget: annual value × results share, rounded down to the penny. Budget left: the budget
            less what is payable and capped in the year (pending lines are not counted).

            \(total.payableLines.counted("payable line")), \(total.pendingLines.counted("pending line")) and \
            \(total.cappedLines.counted("capped line")).
            \(report.exceptions.count.counted("exception"))
            """
        out += report.exceptions.isEmpty ? "." : ": parts of outcomes achieved with no assessment in force (see --exceptions)."
        return out
    }

    /// Lines, payable, pending value and capped: the columns the provider and band tables share.
    private static let amountGroups = [("payable", 2), ("pending", 2), ("capped", 1)]
    private static let amountHeader = ["lines", "amount", "lines", "value", "amount"]

    private static func amountCells(_ totals: LineTotals) -> [String] {
        [totals.payableLines.grouped, totals.payable.sterling, totals.pendingLines.grouped, totals.pendingValue.sterling,
         totals.capped.sterling]
    }

    private static func providerTable(_ summary: EntitlementSummary) -> String {
        var rows: [[String]] = []
        for (index, row) in summary.rows.enumerated() {
            rows.append([row.providerID.rawValue, row.outcomeID.rawValue] + amountCells(row.totals))
            if index == summary.rows.count - 1 || summary.rows[index + 1].providerID != row.providerID {
                rows.append([row.providerID.rawValue, "total"] + amountCells(summary.total(of: row.providerID)))
            }
        }
        rows.append(["all", "total"] + amountCells(summary.total))
        return Table(groups: [("", 2)] + amountGroups, header: ["provider", "outcome"] + amountHeader, rows: rows,
                     textColumns: 2).text
    }

    private static func bandTable(_ bands: BandTotals, total: LineTotals) -> String {
        let rows = bands.rows.map { [$0.band.description] + amountCells($0.totals) } + [["all"] + amountCells(total)]
        return Table(groups: [("", 1)] + amountGroups, header: ["band"] + amountHeader, rows: rows, textColumns: 1).text
    }

    private static func yearTable(_ years: YearTotals, contract: Contract) -> String {
        func cells(_ owed: Money, _ budget: Money?, _ left: Money?, _ totals: LineTotals) -> [String] {
            [owed.sterling, budget?.sterling ?? "none", left?.sterling ?? "", totals.pendingLines.grouped,
             totals.pendingValue.sterling]
        }
        var rows = years.rows.map { row in
            [Contract.yearLabel(startingOn: row.start)] + cells(row.totals.owed, row.resultsBudget, row.budgetLeft, row.totals)
        }
        rows.append(["all"] + cells(years.total.owed, years.totalResultsBudget, years.totalBudgetLeft, years.total))
        return Table(groups: [("", 4), ("pending", 2)],
                     header: ["year", "payable + capped", "results budget", "budget left", "lines", "value"],
                     rows: rows, textColumns: 1).text
    }
}

/// Columns of text, the first `textColumns` aligned left and the rest right, under a header and a rule;
/// `groups` labels runs of columns (their spans add up to the number of columns).
private struct Table {
    var groups: [(label: String, span: Int)]
    var header: [String]
    var rows: [[String]]
    var textColumns: Int

    var text: String {
        precondition(groups.reduce(0) { $0 + $1.span } == header.count, "groups span every column")
        var widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        var first = 0
        for group in groups {
            let span = first..<(first + group.span)
            let shortBy = group.label.count - width(of: span, widths)
            if shortBy > 0 { widths[span.upperBound - 1] += shortBy }
            first = span.upperBound
        }
        func line(_ cells: [String]) -> String {
            trimmed(cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index < textColumns ? cell + padding : padding + cell
            }.joined(separator: "  "))
        }
        var labels: [String] = []
        first = 0
        for group in groups {
            let span = first..<(first + group.span)
            let room = width(of: span, widths) - group.label.count
            labels.append(String(repeating: " ", count: room - room / 2) + group.label + String(repeating: " ", count: room / 2))
            first = span.upperBound
        }
        let rule = line(widths.map { String(repeating: "-", count: $0) })
        return ([trimmed(labels.joined(separator: "  ")), line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// The width of a run of columns with the two spaces between them.
    private func width(of span: Range<Int>, _ widths: [Int]) -> Int {
        span.map { widths[$0] }.reduce(0, +) + 2 * (span.count - 1)
    }

    private func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
