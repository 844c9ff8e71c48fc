import Foundation
import PbRCore
import PbRSimulation

/// A simulation run's summary as the web's API gives it (docs/simulation.md): each payee's income by
/// contract year with its spread, its cash-flow gap, and the commissioner's spend by year. Money in
/// integer pence; spreads are nearest-rank percentiles over the runs.
public enum SimulationSummaryJSON {
    public static func text(_ summary: SimulationSummary, contract: String, scenario: String, seed: UInt64, clients: Int) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and integers cannot fail to encode.
        let data = (try? encoder.encode(File(summary, contract: contract, scenario: scenario, seed: seed, clients: clients))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    struct Spread: Encodable {
        var p5Pence: Int64
        var medianPence: Int64
        var p95Pence: Int64
        init(_ spread: SimulationSummary.Spread) { p5Pence = spread.p5.pence; medianPence = spread.median.pence; p95Pence = spread.p95.pence }
    }

    struct Year: Encodable {
        var payee: String
        var contractYear: String
        var income: Spread
        var costPence: Int64?
        /// The share of runs whose income fell below the year's cost, in whole percent.
        var belowCostPercent: Int?
    }

    struct Gap: Encodable {
        var payee: String
        var gap: Spread
        var workingCapitalPence: Int64?
    }

    struct Spend: Encodable {
        var contractYear: String
        var spend: Spread
    }

    struct File: Encodable {
        var contract: String
        var scenario: String
        var runs: Int
        var seed: String
        var clientsPerRun: Int
        var years: [Year]
        var cashFlowGaps: [Gap]
        var commissionerSpend: [Spend]

        init(_ summary: SimulationSummary, contract: String, scenario: String, seed: UInt64, clients: Int) {
            self.contract = contract; self.scenario = scenario; runs = summary.runs; self.seed = String(seed); clientsPerRun = clients
            years = summary.years.map { year in
                Year(payee: year.payee.rawValue, contractYear: Contract.yearLabel(startingOn: year.start), income: Spread(year.income),
                     costPence: year.cost?.pence, belowCostPercent: year.belowCost.map { Int(($0 * 100).rounded()) })
            }
            cashFlowGaps = summary.gaps.keys.sorted().map { payee in
                Gap(payee: payee.rawValue, gap: Spread(summary.gaps[payee]!), workingCapitalPence: summary.workingCapital[payee]?.pence)
            }
            commissionerSpend = summary.spend.map { Spend(contractYear: Contract.yearLabel(startingOn: $0.start), spend: Spread($0.spread)) }
        }
    }
}
