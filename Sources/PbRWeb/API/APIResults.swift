import Foundation
import PbRStore

/// The API's bodies for stored results: a run's facts, with the result itself spliced in as the JSON
/// text it was kept as (the diagnostics file exactly as `pbr diagnose` writes it; a simulation's summary).
enum APIResults {
    struct DiagnosticsRun: Codable {
        var run: Int
        var contract: String
        var asOf: String
        var lastImport: Int
        var runAt: String
        var runBy: String
    }

    struct SimulationRun: Codable {
        var run: Int
        var contract: String
        var scenario: String
        var runs: Int
        var clientsPerRun: Int
        var seed: String
        var runAt: String
        var runBy: String

        init(_ stored: StoredSimulation) {
            run = stored.id; contract = stored.contractID; scenario = stored.scenario; runs = stored.runs; clientsPerRun = stored.clients
            seed = String(stored.seed); runAt = stored.runAt; runBy = stored.runBy
        }
    }

    /// The bodies as `/openapi.json` describes them: the run's facts and what is spliced in (the diagnostics
    /// file's own format is DOMAIN.md's, not repeated here).
    static let diagnosticsSchema = ResponseSchema.of(DiagnosticsRun.self, adding: [("diagnostics_file", .object([("type", "object")]))])
    static let simulationSchema = ResponseSchema.of(SimulationRun.self, adding: [("runs_csv", .object([("type", "string")])),
                                                                                 ("summary", .object([("type", "object")]))])

    /// `{"as_of": ..., ..., "diagnostics_file": {the file}}`.
    static func diagnostics(_ stored: StoredDiagnostics) -> String {
        splice(DiagnosticsRun(run: stored.id, contract: stored.contractID, asOf: stored.asOf, lastImport: stored.lastImportID,
                              runAt: stored.runAt, runBy: stored.runBy),
               [("diagnostics_file", stored.json.trimmingCharacters(in: .whitespacesAndNewlines))])
    }

    /// A run's facts, its summary and its runs.csv (as text).
    static func simulation(_ stored: StoredSimulation) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let csv = String(decoding: (try? encoder.encode(stored.runsCSV)) ?? Data("\"\"".utf8), as: UTF8.self)
        return splice(SimulationRun(stored), [("runs_csv", csv), ("summary", stored.summaryJSON)])
    }

    /// `value`'s JSON object with `members` (name, JSON text) added at its end.
    static func splice(_ value: some Encodable, _ members: [(String, String)]) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let head = String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
        return String(head.dropLast()) + members.map { ",\"\($0.0)\":\($0.1)" }.joined() + "}"
    }
}
