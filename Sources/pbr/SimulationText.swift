import PbRCore
import PbRSimulation

/// `pbr simulate`'s summary for a terminal: each payee's income by contract year with its spread and the
/// chance of falling below cost, its cash-flow gap, and the commissioner's spend.
enum SimulationText {
    static func render(_ summary: SimulationSummary, contract: Contract, seed: UInt64) -> String {
        var out = "Simulation of \(contract.id): \(summary.runs) runs, seed \(seed)\n"
        for payee in Set(summary.years.map(\.payee)).sorted() {
            out += "\n\(payee.rawValue): income by contract year (5th percentile, median, 95th)\n"
            out += rows(["year", "5th", "median", "95th", "cost", "below cost"], summary.years.filter { $0.payee == payee }.map { year in
                [Contract.yearLabel(startingOn: year.start), year.income.p5.sterling, year.income.median.sterling, year.income.p95.sterling,
                 year.cost?.sterling ?? "", year.belowCost.map { "\(Int(($0 * 100).rounded()))%" } ?? ""]
            })
            if let gap = summary.gaps[payee], let capital = summary.workingCapital[payee] {
                out += "cash-flow gap: median \(gap.median.sterling), 95th percentile \(gap.p95.sterling); "
                    + "working capital at \(Percent.text(basisPoints: summary.workingCapitalConfidenceBasisPoints)) confidence: \(capital.sterling)\n"
            }
        }
        out += "\nThe commissioner: spend by contract year\n"
        out += rows(["year", "5th", "median", "95th"], summary.spend.map { row in
            [Contract.yearLabel(startingOn: row.start), row.spread.p5.sterling, row.spread.median.sterling, row.spread.p95.sterling]
        })
        if let cost = summary.costPerOutcome {
            out += "cost per outcome reached: median \(cost.median.sterling) (5th \(cost.p5.sterling), 95th \(cost.p95.sterling))\n"
        }
        if let investor = summary.investor {
            let investment = investor.investment
            out += "\nThe investor: \(investment.amount.sterling) lent to \(investment.payee.rawValue) \(investment.whenDrawn) at \(Percent.text(basisPoints: investment.interestBasisPoints)) a year, "
                + "repaid from \(Percent.text(basisPoints: investment.repaymentBasisPoints)) of its outcome payments\n"
                + "gain (repaid less lent): expected \(investor.expectedGain.sterling); median \(investor.gain.median.sterling) "
                + "(5th \(investor.gain.p5.sterling), 95th \(investor.gain.p95.sterling)); chance of loss \(Int((investor.chanceOfLoss * 100).rounded()))%\n"
        }
        return out
    }

    /// Columns under a header, the first aligned left and the others right.
    static func rows(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }
}
