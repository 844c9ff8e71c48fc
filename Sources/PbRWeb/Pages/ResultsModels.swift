import PbRCore
import PbRService
import PbRStore

/// The contracts a results page can switch between (`?contract=`).
struct ContractChoice {
    struct Other { var id: String; var link: String }
    var contract: String?
    var others: [Other]
    var hasOthers: Bool

    init(_ contracts: [String], shown: String?, page: String) {
        contract = shown
        others = contracts.filter { $0 != shown }.map { Other(id: $0, link: "\(page)?contract=\(PathText.escape($0))") }
        hasOthers = !others.isEmpty
    }
}

/// What the diagnostics page shows: the latest kept run (its facts, and its report drawn when it ran),
/// whether imports have come since, and the form to run again for those who may.
struct DiagnosticsModel {
    struct Run { var id: Int; var asOf: String; var lastImport: Int; var runAt: String; var runBy: String }
    var choice: ContractChoice
    var contract: String?
    var mayRun: Bool
    /// The session's token, for the form.
    var csrf = ""
    /// The form's day: the day the latest data were true.
    var today: String
    var run: Run?
    var stale: String?
    var style = DiagnosticsHTML.fragmentStyle
    var report = ""

    init(viewer: Viewer, contracts: [String], id: String? = nil, today: Day, run: StoredDiagnostics? = nil, lastImport: Int = 0) {
        choice = ContractChoice(contracts, shown: id, page: "/diagnostics")
        contract = id; mayRun = viewer.runsDiagnostics; self.today = today.description
        guard let run else { return }
        self.run = Run(id: run.id, asOf: run.asOf, lastImport: run.lastImportID, runAt: run.runAt, runBy: run.runBy)
        report = ReportFragment.withoutTitle(run.html)
        if lastImport > run.lastImportID {
            stale = "The journal has had imports since this run (it saw import #\(run.lastImportID); the last is #\(lastImport)): "
                + "what they brought shows once the diagnostics are run again."
        }
    }
}

/// What the proofing page shows: the proof as `pbr proof` prints it, then its chart and every profile.
struct ProofingModel {
    var choice: ContractChoice
    var contract: String?
    var text = ""
    var byMost = ""
    var byExpected = ""
    var style = ProofHTML.fragmentStyle
    var report = ""

    init(contracts: [String], id: String? = nil, result: FrameworkProof.Result? = nil) {
        choice = ContractChoice(contracts, shown: id, page: "/proofing")
        contract = id
        guard let id, let result else { return }
        text = ProofText.render(result, show: 20)
        byMost = "/proofing?contract=\(PathText.escape(id))&order=most"
        byExpected = "/proofing?contract=\(PathText.escape(id))&order=expected"
        report = ReportFragment.withoutTitle(ProofHTML.body(result, charted: 20))
    }
}

/// What the simulations page shows: the form (for those who may start a run) and the kept runs.
struct SimulationsModel {
    struct Row { var id: Int; var link: String; var scenario: String; var runs: Int; var clients: Int; var seed: String; var runAt: String; var runBy: String }
    struct Scenario { var name: String; var selected: Bool }
    var choice: ContractChoice
    var contract: String?
    var mayStart = false
    /// The session's token, for the form.
    var csrf = ""
    var scenarios: [Scenario] = []
    var maxRuns: Int
    var maxClients: Int
    var rows: [Row] = []

    init(contracts: [String], id: String? = nil, mayStart: Bool = false, scenarios: [String] = [], limits: SimulationLimits,
         runs: [StoredSimulation] = []) {
        choice = ContractChoice(contracts, shown: id, page: "/simulations")
        contract = id; self.mayStart = mayStart; self.scenarios = scenarios.map { Scenario(name: $0, selected: $0 == id) }
        maxRuns = limits.maxRuns; maxClients = limits.maxClients
        rows = runs.map { run in
            Row(id: run.id, link: "/simulations/\(run.id)", scenario: run.scenario, runs: run.runs, clients: run.clients, seed: String(run.seed),
                runAt: run.runAt, runBy: run.runBy)
        }
    }
}

/// What a simulation run's page shows: its facts and its report as drawn when it ran.
struct SimulationRunModel {
    var id: Int
    var contract: String
    var back: String
    var scenario: String
    var runs: Int
    var clients: Int
    var seed: String
    var runAt: String
    var runBy: String
    var style = SimulationHTML.fragmentStyle
    var report: String

    init(_ run: StoredSimulation) {
        id = run.id; contract = run.contractID; back = "/simulations?contract=\(PathText.escape(run.contractID))"; scenario = run.scenario
        runs = run.runs; clients = run.clients; seed = String(run.seed); runAt = run.runAt; runBy = run.runBy; report = run.html
    }
}
