import ArgumentParser
import PbRService

/// What `pbr simulate` and `pbr tariff solve` both take: the contract, the scenario, how many cohorts and
/// the seed.
struct SimulationOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: "The contract: a file (YAML, e.g. contracts/kent.yaml), or the id of a contract in the store.")
    var contract: String

    @Option(help: "The scenario (YAML; see docs/simulation.md). Default: the cohort model's defaults.")
    var scenario: String?

    @Option(help: "How many cohorts to simulate.")
    var runs = 200

    @Option(help: "The seed: the same seed gives the same figures.")
    var seed: UInt64 = 1

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func prepare() async throws -> ContractSimulationJob {
        try await ContractSimulationJob.prepare(contract: contract, store: store.location, scenario: scenario)
    }
}
