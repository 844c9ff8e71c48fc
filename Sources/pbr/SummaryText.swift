import PbRCore

/// The run's summary for a terminal: totals by provider and outcome.
enum SummaryText {
    static func render(_ report: EntitlementReport, contract: Contract, knownAt: Moment?) -> String {
        let summary = EntitlementSummary(report.lines)
        var out = "Entitlements under \(contract.id) as of \(report.asOf)"
        out += knownAt.map { ", data known at \($0)" } ?? ", all data imported"
        out += " (\(report.clientsEvaluated) clients)\n\n"
        let header = ["provider", "outcome", "payable", "amount", "pending", "capped", "capped amount"]
        var rows: [[String]] = []
        var provider: ProviderID?
        var providerTotal = Money.zero
        func closeProvider() {
            if let provider { rows.append(["\(provider) total", "", "", providerTotal.description, "", "", ""]) }
        }
        for row in summary.rows {
            if row.providerID != provider {
                closeProvider()
                provider = row.providerID
                providerTotal = .zero
            }
            providerTotal += row.payable + row.capped
            rows.append([row.providerID.rawValue, row.outcomeID.rawValue, String(row.payableLines), row.payable.description,
                         String(row.pendingLines), String(row.cappedLines), row.capped.description])
        }
        closeProvider()
        rows.append(["all providers", "", "", summary.totalPayable.description, "", "", ""])
        out += table(header, rows)
        out += "\n\(report.lines.count) lines; \(report.exceptions.count) exception\(report.exceptions.count == 1 ? "" : "s")"
        out += report.exceptions.isEmpty ? "." : " (outcomes achieved with no assessment in force; see --exceptions)."
        return out
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index < 2 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
