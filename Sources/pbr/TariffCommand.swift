import ArgumentParser
import Foundation
import PbRCore
import PbRService
import PbRSimulation
import PbRStore

struct TariffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tariff", abstract: "Set a contract's prices before signing it.", subcommands: [Solve.self])

    struct Solve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scale a contract's outcome prices so that the expected outcome spend in a contract year meets a results pot.",
            discussion: """
                The prices keep their relative weights (--fix holds some as they are); the expected spend is the mean over \
                simulated cohorts (the scenario, as pbr simulate draws them) through the real engine, counted by each line's due \
                day. See docs/simulation.md (Tariff solver).
                """)

        @OptionGroup var simulation: SimulationOptions

        @Option(help: "The results pot, in pounds (e.g. 1200000 or 1200000.00).")
        var pot: String

        @Option(help: "The contract year whose spend meets the pot, by the calendar year it starts in (2013: 2013/14).")
        var year: Int

        @Option(help: "Outcomes whose prices stay as they are, comma separated.")
        var fix: String = ""

        /// The pot in pounds: whole (`1200000`) or with pence (`1200000.00`).
        var pounds: Money? { Money(pounds: pot.contains(".") ? pot : pot + ".00") }

        func validate() throws {
            guard let pounds, pounds > .zero else { throw ValidationError("--pot takes an amount in pounds above 0, e.g. 1200000") }
        }

        func run() async throws {
            let job = try await simulation.prepare()
            let fixed = Set(fix.split(separator: ",").map { OutcomeID(String($0).trimmingCharacters(in: .whitespaces)) })
            let pounds = self.pounds!  // checked by validate()
            let result = try job.solveTariff(pot: pounds, year: year, fixed: fixed, runs: simulation.runs, seed: simulation.seed)
            print(Self.text(result, before: job.simulation.versions.versions.last!, pot: pounds, year: result.year, fixed: fixed))
        }

        static func text(_ result: TariffSolver.Result, before: Contract, pot: Money, year: Day, fixed: Set<OutcomeID>) -> String {
            var out = "Prices for \(before.id) whose expected outcome spend in \(Contract.yearLabel(startingOn: year)) meets a pot of \(pot.sterling) "
                + "(\(result.runs) runs)\n\n"
            let header = ["outcome"] + Band.all.map { "band \($0)" }
            let rows = result.prices.map { outcome, prices in
                [outcome.rawValue + (fixed.contains(outcome) ? " (fixed)" : "")] + Band.all.map { band in
                    let was = before.outcomes.first { $0.id == outcome }?.prices[band]
                    return (prices[band]?.sterling ?? "") + (was.map { " (\($0.sterling))" } ?? "")
                }
            }
            out += SimulationText.rows(header, rows)
            let expected = Money(pence: result.totalPence / Int64(result.runs))
            out += "\nexpected spend in the year: \(expected.sterling) and \(result.totalPence % Int64(result.runs)) / \(result.runs) of a penny; "
                + "off the pot by \(String(format: "%.2f", result.offPence)) pence\n"
            out += "spread over the runs: 5th percentile \(result.spread.p5.sterling), median \(result.spread.median.sterling), "
                + "95th \(result.spread.p95.sterling); the provider is paid less than the pot in \(Int((result.belowPot * 100).rounded()))% of runs\n"
            return out
        }
    }
}
