import PbRCore
import PbRImport
import PbRSimulation
import PbRStore

/// Simulation in the web application: a small scenario (within `SimulationLimits`) from the server's
/// shelf, run on a contract in the store as `pbr simulate` runs it, and kept with its runs.csv, summary
/// and report; the pages and the API list the kept runs and show one. Synthetic clients only.
public struct SimulationRuns: Sendable {
    public let store: JournalStore
    public let viewer: Viewer
    public let clock: WallClock

    public init(store: JournalStore, viewer: Viewer, clock: WallClock = .system) {
        self.store = store; self.viewer = viewer; self.clock = clock
    }

    /// What to simulate.
    public struct Request: Sendable {
        public var scenario: String
        public var runs: Int
        public var seed: UInt64
        /// Replaces the scenario's referrals a month (to make a shipped scenario small enough); nil keeps it.
        public var referralsPerMonth: Int?
        /// With no referrals given, lowers the scenario's to the most a run here may have instead of refusing
        /// (the page's form, where a person leaves the field empty); the run's scenario says so.
        public var fitToLimits: Bool

        public init(scenario: String, runs: Int, seed: UInt64, referralsPerMonth: Int? = nil, fitToLimits: Bool = false) {
            self.scenario = scenario; self.runs = runs; self.seed = seed; self.referralsPerMonth = referralsPerMonth
            self.fitToLimits = fitToLimits
        }
    }

    /// Runs a scenario on a contract and keeps the result.
    /// - Throws: `AccessRefusal.forbidden` for a viewer who may not simulate the contract, `.notFound` for
    ///   a contract it may not read, `.badRequest` for an unknown scenario, a request above the limits or a
    ///   scenario the contract cannot take.
    public func start(_ contractID: String, _ request: Request, shelf: ScenarioShelf, limits: SimulationLimits) async throws -> StoredSimulation {
        guard viewer.readsSimulations else { throw AccessRefusal.forbidden("an \(viewer.role.rawValue) does not simulate contracts") }
        let (versions, stamp) = try await contract(contractID)
        guard viewer.maySimulate(versions.versions.last!) else {
            throw AccessRefusal.forbidden("simulations of \(contractID) are run by its commissioner, an admin or a provider it is made with")
        }
        var model = try shelf.model(named: request.scenario)
        var source = request.scenario
        if let referrals = request.referralsPerMonth {
            // At most the clients a run may have, so that referrals × months × providers cannot overflow.
            guard (1...limits.maxClients).contains(referrals) else {
                throw AccessRefusal.badRequest("referrals a month is 1 to \(limits.maxClients) here (asked: \(referrals))")
            }
            model.referralsPerMonth = referrals
            source += " (\(referrals) referrals a month)"
        } else if request.fitToLimits, let most = limits.mostReferralsPerMonth(model), most < model.referralsPerMonth {
            source += " (\(most) referrals a month, not \(model.referralsPerMonth): the most a run here may have)"
            model.referralsPerMonth = most
        }
        try limits.check(runs: request.runs, model: model)
        let job: ContractSimulationJob
        do { job = try ContractSimulationJob.prepare(versions: versions, stamp: stamp, model: model, scenarioSource: source) } catch let refusal as Refusal {
            throw AccessRefusal.badRequest(refusal.description)
        }
        let incomes = job.run(runs: request.runs, seed: request.seed)
        let contract = job.simulation.versions.first
        let summary = SimulationSummary(incomes, contract: contract, model: job.simulation.model)
        let clients = SimulationLimits.clients(model)
        let run = StoredSimulation(contractID: contractID, scenario: source, runs: request.runs, clients: clients, seed: request.seed,
                                   runAt: clock.timestamp, runBy: viewer.name,
                                   summaryJSON: SimulationSummaryJSON.text(summary, contract: contractID, scenario: source, seed: request.seed,
                                                                           clients: clients),
                                   runsCSV: SimulationCSV.runs(incomes, contract: contract),
                                   html: SimulationHTML.body(summary, contract: contract, scenario: source, seed: request.seed))
        return try await store.add(run, audit: AuditRecord(actor: viewer.name, action: "simulation.run", subject: contractID,
                                                           detail: "\(source), \(request.runs) runs, seed \(request.seed)"))
    }

    /// A contract's kept runs the viewer may see, newest first, without their outputs.
    public func list(_ contractID: String) async throws -> [StoredSimulation] {
        guard viewer.readsSimulations else { throw AccessRefusal.forbidden("an \(viewer.role.rawValue) does not simulate contracts") }
        _ = try await contract(contractID)
        return try await store.simulations(contractID).filter { viewer.maySee(simulationRunBy: $0.runBy, contract: contractID) }
    }

    /// One kept run with its outputs.
    /// - Parameter contractID: the contract the run must be of; nil for whichever it is of.
    /// - Throws: `AccessRefusal.notFound` for a run that is not there or that the viewer may not see.
    public func run(id: Int, of contractID: String? = nil) async throws -> StoredSimulation {
        guard viewer.readsSimulations else { throw AccessRefusal.forbidden("an \(viewer.role.rawValue) does not simulate contracts") }
        let missing = AccessRefusal.notFound("no simulation run \(id)" + (contractID.map { " of \($0)" } ?? ""))
        guard let run = try await store.simulation(id: id), contractID == nil || run.contractID == contractID,
              viewer.maySee(simulationRunBy: run.runBy, contract: run.contractID) else { throw missing }
        return run
    }

    /// Whether the viewer may start a run of the contract (for the page's form).
    public func mayStart(_ contractID: String) async throws -> Bool {
        guard viewer.readsSimulations else { return false }
        let (versions, _) = try await contract(contractID)
        return viewer.maySimulate(versions.versions.last!)
    }

    private func contract(_ id: String) async throws -> (ContractVersions, Provenance.ContractStamp) {
        guard viewer.mayRead(contract: id), !(try await store.contractVersions(id)).isEmpty else {
            throw AccessRefusal.notFound("no contract '\(id)'")
        }
        return try await ContractSource.alone(id, in: store)
    }
}
