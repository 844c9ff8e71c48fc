import Foundation
import PbRSimulation

/// The scenarios a server offers for simulation: the `.yaml` files of one folder (`pbr serve
/// --scenarios`, default the shipped `scenarios/`), named by their file name without `.yaml`. A request
/// names one of these, never a path.
public struct ScenarioShelf: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The scenarios' names, sorted; none when the folder is not there.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    /// The cohort model of the scenario `name`.
    /// - Throws: `AccessRefusal.badRequest` for a name that is not on the shelf (naming those that are), or
    ///   a scenario with a mistake.
    public func model(named name: String) throws -> CohortModel {
        let names = names()
        guard names.contains(name) else {
            throw AccessRefusal.badRequest("no scenario '\(name)': the scenarios are " + (names.isEmpty ? "none" : names.joined(separator: ", ")))
        }
        do {
            return try ContractSimulationJob.scenario(URL(fileURLWithPath: folder).appendingPathComponent(name + ".yaml").path)
        } catch let refusal as Refusal {
            throw AccessRefusal.badRequest(refusal.description)
        }
    }
}
