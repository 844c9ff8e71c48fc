/// A diagnostics run as the store keeps it: what `pbr diagnose` would have written for the contract as
/// of the day, on the journal up to `lastImportID`, and its charts as drawn when it ran.
public struct StoredDiagnostics: Sendable, Equatable {
    public var id: Int
    public var contractID: String
    /// `YYYY-MM-DD`.
    public var asOf: String
    /// The last import the run saw (0: none).
    public var lastImportID: Int
    public var runAt: String
    public var runBy: String
    /// The diagnostics file, byte for byte (DOMAIN.md, "Diagnostics: data out").
    public var json: String
    /// The report's body (alerts, sections and SVG charts), drawn from the same report.
    public var html: String

    public init(id: Int = 0, contractID: String, asOf: String, lastImportID: Int, runAt: String, runBy: String, json: String, html: String) {
        self.id = id; self.contractID = contractID; self.asOf = asOf; self.lastImportID = lastImportID; self.runAt = runAt
        self.runBy = runBy; self.json = json; self.html = html
    }
}

/// A simulation run as the store keeps it: what was asked (contract, scenario, runs, seed) and what
/// came out (runs.csv as `pbr simulate` writes it, the summary as JSON, the report's body).
public struct StoredSimulation: Sendable, Equatable {
    public var id: Int
    public var contractID: String
    public var scenario: String
    public var runs: Int
    /// Clients referred in one run, as the scenario expects them.
    public var clients: Int
    public var seed: UInt64
    public var runAt: String
    public var runBy: String
    public var summaryJSON: String
    public var runsCSV: String
    public var html: String

    public init(id: Int = 0, contractID: String, scenario: String, runs: Int, clients: Int, seed: UInt64, runAt: String, runBy: String,
                summaryJSON: String, runsCSV: String, html: String) {
        self.id = id; self.contractID = contractID; self.scenario = scenario; self.runs = runs; self.clients = clients; self.seed = seed
        self.runAt = runAt; self.runBy = runBy; self.summaryJSON = summaryJSON; self.runsCSV = runsCSV; self.html = html
    }
}
