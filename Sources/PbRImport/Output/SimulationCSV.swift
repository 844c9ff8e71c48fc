import PbRCore
import PbRSimulation

/// `pbr simulate`'s files (DOMAIN.md, "Simulation: data out"). Amounts are pounds with two decimals.
public enum SimulationCSV {
    public static let runsHeader = ["run", "provider_id", "contract_year", "outcome_income", "block_income", "attachment_income", "total_income"]
    public static let monthlyHeader = ["provider_id", "month", "p5", "median", "p95"]

    /// One row per run (from 1), payee and contract year (`2012/13`; the year that holds each outcome
    /// line's earning day, each block's month, each attachment fee's journey start), every payee and year
    /// of any run in every run, 0.00 where a run had none.
    public static func runs(_ incomes: [RunIncome], contract: Contract) -> String {
        let payees = Set(incomes.flatMap { $0.byYear.keys.map(\.payee) }).sorted()
        let starts = Set(contract.yearStarts + incomes.flatMap { $0.byYear.keys.map(\.start) }).sorted()
        var writer = CSVWriter(header: runsHeader, expectedBytes: incomes.count * payees.count * starts.count * 60)
        for (index, income) in incomes.enumerated() {
            for payee in payees {
                for start in starts {
                    let amounts = income.byYear[RunIncome.Year(payee: payee, start: start)] ?? RunIncome.Amounts()
                    writer.append([String(index + 1), payee.rawValue, Contract.yearLabel(startingOn: start), amounts.outcome.description,
                                   amounts.block.description, amounts.attachment.description, amounts.total.description])
                }
            }
        }
        return writer.text
    }

    public static let sensitivityHeader = ["parameter", "low", "high", "income_low", "income_base", "income_high"]

    /// Each chance moved lower and higher (percentages) and the mean outcome income at each, widest swing first.
    public static func sensitivity(_ sensitivity: Sensitivity) -> String {
        var writer = CSVWriter(header: sensitivityHeader, expectedBytes: sensitivity.rows.count * 80)
        for row in sensitivity.rows {
            writer.append([row.parameter, Percent.text(basisPoints: row.low), Percent.text(basisPoints: row.high), row.incomeLow.description, sensitivity.base.description,
                           row.incomeHigh.description])
        }
        return writer.text
    }

    /// Each payee's income by the month it arrives: the 5th percentile, median and 95th over the runs.
    public static func monthly(_ summary: SimulationSummary) -> String {
        var writer = CSVWriter(header: monthlyHeader, expectedBytes: summary.months.count * 50)
        for row in summary.months {
            writer.append([row.payee.rawValue, row.month.description, row.income.p5.description, row.income.median.description,
                           row.income.p95.description])
        }
        return writer.text
    }
}
