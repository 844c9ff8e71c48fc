import ArgumentParser
import Foundation
import PbRCore
import PbRService

struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Measure the diagnostics on synthetic areas: false alarms on clean data, and each planted harm's detection within 3 and 6 months.",
        discussion: "Areas of four providers, each taking --referrals clients a month, from five years before the contract's start; "
            + "prints Markdown tables (what docs/diagnostics.md reports). Build with -c release: it diagnoses hundreds of areas.")

    @Option(help: "The contract file whose start and rules the areas are diagnosed under.")
    var contract: String = "contracts/national-pilot.yaml"

    @Option(help: "Areas for each size of each harm, and clean areas for each area size.")
    var seeds: Int = 20

    @Option(help: "Referrals a month to each provider, comma separated.")
    var referrals: String = "10,20,40,80"

    func run() async throws {
        var calibration = DiagnosticsCalibration(contract: try ContractSource.load(contract).contract)
        calibration.seeds = seeds
        calibration.referrals = referrals.split(separator: ",").compactMap { Int($0) }
        guard !calibration.referrals.isEmpty, calibration.referrals.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--referrals takes whole numbers above 0, comma separated, e.g. 10,20,40")
        }
        let areas = calibration.referrals.count * seeds * (1 + DiagnosticsCalibration.harms.reduce(0) { $0 + $1.sizes.count })
        let step = TerminalProgress().start("Diagnosing synthetic areas", total: areas, unit: "areas")
        let result = calibration.run { step?.advance(by: $0) }
        step?.finish()
        print(DiagnosticsCalibration.markdown(result))
    }
}
