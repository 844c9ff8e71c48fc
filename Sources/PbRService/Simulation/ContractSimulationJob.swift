import Foundation
import PbRCore
import PbRImport
import PbRSimulation
import PbRStore

/// Modelling a contract before it is signed (`pbr simulate`, `pbr tariff solve`): a cohort model run many
/// times through the real engine, each payee's income summed by contract year and month, with its spread;
/// and prices solved to meet a results pot.
public struct ContractSimulationJob: Sendable {
    public let simulation: ContractSimulation
    /// Where the contract came from, for the outputs' records.
    public let stamp: Provenance.ContractStamp
    /// `defaults` or the scenario file's path.
    public let scenarioSource: String

    /// Reads the contract (a file, or the id of a contract in the store at `store`) and the scenario (a
    /// file, or the defaults of `CohortModel`).
    /// - Throws: a `Refusal` for an unknown contract, a scenario with a mistake (file, key, line, reason),
    ///   or a block the contract cannot split among the scenario's providers.
    public static func prepare(contract reference: String, store: StoreLocation, scenario path: String?) async throws -> ContractSimulationJob {
        let (versions, stamp) = try await ContractSource.alone(reference, store: store)
        return try prepare(versions: versions, stamp: stamp, model: try path.map(scenario) ?? CohortModel(), scenarioSource: path ?? "defaults")
    }

    /// The cohort model of a scenario file.
    /// - Throws: a `Refusal` naming the file, and the key and line of a mistake.
    public static func scenario(_ path: String) throws -> CohortModel {
        let data = try InputFile.contents(path, what: "scenario file")
        guard let text = String(data: data, encoding: .utf8) else { throw Refusal("\(path): the scenario file must be UTF-8") }
        do { return try ScenarioLoader.parse(text) } catch { throw Refusal("\(path): \(error)") }
    }

    /// A simulation of a contract already read, on a cohort model.
    /// - Throws: a `Refusal` for a provider of the scenario the contract does not cover, or a block the
    ///   contract cannot split among the scenario's providers.
    public static func prepare(versions: ContractVersions, stamp: Provenance.ContractStamp, model: CohortModel,
                               scenarioSource: String) throws -> ContractSimulationJob {
        let covered = versions.versions.last!.providers
        if !covered.isEmpty, let stranger = model.providers.first(where: { !covered.contains($0) }) {
            throw Refusal("the scenario refers clients to \(stranger), which \(versions.first.id) does not cover (its providers: "
                          + "\(covered.sorted().map(\.rawValue).joined(separator: ", "))): name its providers in the scenario's providers")
        }
        do {
            return ContractSimulationJob(simulation: try ContractSimulation(versions: versions, model: model), stamp: stamp,
                                         scenarioSource: scenarioSource)
        } catch {
            throw Refusal(error.description)
        }
    }

    /// `runs` runs from `seed`, on every core, in run order.
    /// - Parameter progress: called once as each run finishes.
    public func run(runs: Int, seed: UInt64, progress: (@Sendable () -> Void)? = nil) -> [RunIncome] {
        let simulation = simulation
        return concurrentMap(runs) { index in
            let income = simulation.run(index + 1, seed: seed)
            progress?()
            return income
        }
    }

    /// Prices that make the expected outcome spend in the contract year starting in `year` (2013: 2013/14)
    /// meet `pot` (`TariffSolver`), on `runs` cohorts from `seed`.
    /// - Parameter fixed: outcomes whose prices stay as they are.
    /// - Throws: a `Refusal` for an outcome the contract does not have, or every outcome fixed.
    public func solveTariff(pot: Money, year: Int, fixed: Set<OutcomeID>, runs: Int, seed: UInt64) throws(Refusal) -> TariffSolver.Result {
        let latest = simulation.versions.versions.last!
        if let unknown = fixed.sorted(by: { $0.rawValue < $1.rawValue }).first(where: { id in !latest.outcomes.contains { $0.id == id } }) {
            throw Refusal("--fix \(unknown.rawValue): \(latest.id) has no such outcome (it has \(latest.outcomes.map(\.id.rawValue).joined(separator: ", ")))")
        }
        guard fixed.count < latest.outcomes.count else { throw Refusal("--fix holds every outcome of \(latest.id): there is nothing to scale") }
        let yearStart = latest.yearStart(containing: Day(year: year, month: latest.yearStartMonth, day: latest.yearStartDay)!)
        let solver = TariffSolver(versions: simulation.versions, model: simulation.model, year: yearStart, pot: pot, fixed: fixed, runs: runs, seed: seed)
        do { return try solver.solve() } catch { throw Refusal(error.description) }
    }

    /// Run `number`'s cohort written as one extract into `folder` (new, empty, or one PbR made), known
    /// on the day after the runs' day: importing it and running the contract as of that day gives the
    /// outcome income `runs.csv` reports for the run.
    /// - Returns: the rows written.
    public func export(run number: Int, seed: UInt64, to path: String) throws -> Int {
        var folder = try WorkFolder.prepare(path, option: "--export-run")
        for name in ["extract.yaml"] + RecordKind.allCases.map(\.fileName) { _ = try folder.claim(name) }
        let records = simulation.cohort(number, seed: seed).records().flatMap { $0 }
        let knownAt = Moment(iso: "\(simulation.asOf.adding(days: 1))T09:00:00Z")!
        try ExtractWriter.write(to: folder.url, knownAt: knownAt,
                                source: "pbr simulate: run \(number) of seed \(seed), scenario \(scenarioSource)", records: records)
        return records.count
    }
}
