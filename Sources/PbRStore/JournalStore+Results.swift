import PbRCore
import SQLKit

extension JournalStore {
    /// Keeps a diagnostics run, with `audit` in the same transaction; returns it with its number.
    public func add(_ run: StoredDiagnostics, audit: AuditRecord) async throws -> StoredDiagnostics {
        try await transaction { db in
            var run = run
            // Writers take turns (the transaction's lock), so the next number cannot be taken twice.
            run.id = try await Self.nextID("diagnostics_runs", db)
            try await db.raw("""
                INSERT INTO diagnostics_runs (id, contract_id, as_of, last_import_id, run_at, run_by, report_json, report_html)
                VALUES (\(bind: run.id), \(bind: run.contractID), \(bind: run.asOf), \(bind: run.lastImportID), \(bind: run.runAt),
                        \(bind: run.runBy), \(bind: run.json), \(bind: run.html))
                """).run()
            try await self.appendAudit(audit, db)
            return run
        }
    }

    /// A contract's latest diagnostics run, or nil when it has none.
    public func latestDiagnostics(_ contractID: String) async throws -> StoredDiagnostics? {
        guard let row = try await database.raw("""
            SELECT id, contract_id, as_of, last_import_id, run_at, run_by, report_json, report_html FROM diagnostics_runs
            WHERE contract_id = \(bind: contractID) ORDER BY id DESC LIMIT 1
            """).first() else { return nil }
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        return StoredDiagnostics(id: try row.decode(column: "id", as: Int.self), contractID: try text("contract_id"), asOf: try text("as_of"),
                                 lastImportID: try row.decode(column: "last_import_id", as: Int.self), runAt: try text("run_at"),
                                 runBy: try text("run_by"), json: try text("report_json"), html: try text("report_html"))
    }

    /// Keeps a simulation run, with `audit` in the same transaction; returns it with its number.
    public func add(_ run: StoredSimulation, audit: AuditRecord) async throws -> StoredSimulation {
        try await transaction { db in
            var run = run
            run.id = try await Self.nextID("simulation_runs", db)
            try await db.raw("""
                INSERT INTO simulation_runs (id, contract_id, scenario, runs, clients, seed, run_at, run_by, summary_json, runs_csv, report_html)
                VALUES (\(bind: run.id), \(bind: run.contractID), \(bind: run.scenario), \(bind: run.runs), \(bind: run.clients),
                        \(bind: String(run.seed)), \(bind: run.runAt), \(bind: run.runBy), \(bind: run.summaryJSON), \(bind: run.runsCSV),
                        \(bind: run.html))
                """).run()
            try await self.appendAudit(audit, db)
            return run
        }
    }

    /// A contract's simulation runs, newest first, without their outputs (`withOutputs` false) or with them.
    public func simulations(_ contractID: String, withOutputs: Bool = false) async throws -> [StoredSimulation] {
        let outputs = withOutputs ? "summary_json, runs_csv, report_html" : "CAST('' AS TEXT) AS summary_json, CAST('' AS TEXT) AS runs_csv, CAST('' AS TEXT) AS report_html"
        return try await database.raw("""
            SELECT id, contract_id, scenario, runs, clients, seed, run_at, run_by, \(unsafeRaw: outputs) FROM simulation_runs
            WHERE contract_id = \(bind: contractID) ORDER BY id DESC
            """).all().map(Self.decodeSimulation)
    }

    /// One simulation run, with its outputs; nil when there is no such run.
    public func simulation(id: Int) async throws -> StoredSimulation? {
        try await database.raw("""
            SELECT id, contract_id, scenario, runs, clients, seed, run_at, run_by, summary_json, runs_csv, report_html FROM simulation_runs
            WHERE id = \(bind: id)
            """).first().map(Self.decodeSimulation)
    }

    static func decodeSimulation(_ row: any SQLRow) throws -> StoredSimulation {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        guard let seed = UInt64(try text("seed")) else { throw StoreError.corrupt("simulation_runs.seed '\(try text("seed"))'") }
        return StoredSimulation(id: try row.decode(column: "id", as: Int.self), contractID: try text("contract_id"), scenario: try text("scenario"),
                                runs: try row.decode(column: "runs", as: Int.self), clients: try row.decode(column: "clients", as: Int.self),
                                seed: seed, runAt: try text("run_at"), runBy: try text("run_by"), summaryJSON: try text("summary_json"),
                                runsCSV: try text("runs_csv"), html: try text("report_html"))
    }

    static func nextID(_ table: String, _ db: any SQLDatabase) async throws -> Int {
        let last = try await db.raw("SELECT MAX(id) AS last_id FROM \(unsafeRaw: table)").first()?.decode(column: "last_id", as: Int?.self)
        return (last ?? 0) + 1
    }
}
