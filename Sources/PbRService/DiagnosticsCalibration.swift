import PbRCore
import PbRSimulation

/// How well the diagnostics work on areas like yours (`pbr calibrate`): over many seeds of synthetic
/// areas, how often clean data raises an alert in a year, and how often each planted harm, at several
/// sizes, is flagged at its provider within 3 and within 6 months of the contract's start; by referrals
/// a month. What docs/diagnostics.md reports.
public struct DiagnosticsCalibration: Sendable {
    public var seeds = 20
    /// Referrals a month to each of the area's four providers.
    public var referrals = [10, 20, 40, 80]
    public var contract: Contract

    public init(contract: Contract) { self.contract = contract }

    /// Each harm the diagnostics must see, at sizes from the pilots' down.
    public static let harms: [(label: String, sizes: [(label: String, harm: PlantedHarm)])] = [
        ("starts fall (odds ratio of starting)", [("0.17", .startsFall(oddsRatio: 0.17)), ("0.3", .startsFall(oddsRatio: 0.3)),
                                                  ("0.5", .startsFall(oddsRatio: 0.5)), ("0.7", .startsFall(oddsRatio: 0.7))]),
        ("band 4-5 clients started (share of before)", [("0%", .creaming(kept: 0)), ("25%", .creaming(kept: 0.25)), ("50%", .creaming(kept: 0.5))]),
        ("reviews reporting abstinence (from 30%)", [("60%", .selfReport(to: 0.6)), ("50%", .selfReport(to: 0.5)),
                                                     ("40%", .selfReport(to: 0.4)), ("35%", .selfReport(to: 0.35))]),
        ("reviews moved just past the gap (share)", [("50%", .reviewBunching(share: 0.5)), ("30%", .reviewBunching(share: 0.3)),
                                                     ("15%", .reviewBunching(share: 0.15))]),
        ("re-presentations held past the window (share)", [("100%", .heldRepresentations(share: 1)), ("50%", .heldRepresentations(share: 0.5)),
                                                           ("25%", .heldRepresentations(share: 0.25))]),
        ("discharges moved before a review (share)", [("100%", .dischargesBeforeReview(share: 1)), ("50%", .dischargesBeforeReview(share: 0.5)),
                                                      ("25%", .dischargesBeforeReview(share: 0.25))]),
        ("deaths (times)", [("4", .deaths(ratio: 4)), ("3", .deaths(ratio: 3)), ("2", .deaths(ratio: 2))]),
        ("clients start later (days)", [("14", .slowStarts(days: 14)), ("7", .slowStarts(days: 7))]),
    ]

    public struct Detection: Sendable {
        public var harm: String
        public var size: String
        public var diagnostic: String
        /// By referrals a month: the share of seeds flagged at the provider within 3 and within 6 months.
        public var within3: [Double]
        public var within6: [Double]
    }

    public struct Result: Sendable {
        public var referrals: [Int]
        public var seeds: Int
        /// By diagnostic, then referrals a month: the share of clean years with an alert.
        public var falseAlarms: [(diagnostic: String, rates: [Double])]
        public var detections: [Detection]
    }

    func area(_ harm: PlantedHarm, referrals: Int, seed: Int, months: Int) -> DiagnosticsReport {
        var area = PlantedHarmArea()
        area.harm = harm
        area.referralsPerMonth = referrals
        area.seed = UInt64(seed) &* 7_919 &+ UInt64(referrals)
        area.contractStart = contract.start
        area.through = contract.start.adding(months: months).adding(days: -1)
        // The area's reviews keep their own rhythm: the contract is read as stating it.
        var contract = contract
        contract.reviewsDueEvery = area.reviewsDueEvery
        return AreaDiagnostics.run(area.histories(), contract: contract, asOf: area.through)
    }

    /// - Parameter progress: called with the number of areas diagnosed, as each finishes.
    public func run(progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        let start = StatementPeriod(containing: contract.start)
        let ids = ["starts", "completions", "completions_without_representation", "declined", "creaming", "parking", "self_report",
                   "review_bunching", "discharge_timing", "deaths"]
        // Clean years: any alert in the contract's first 12 months.
        let clean = concurrentMap(referrals.count * seeds) { index in
            let report = area(.none, referrals: referrals[index / seeds], seed: index % seeds, months: 12)
            progress?(1)
            return Set(report.diagnostics.filter { !$0.alerts.isEmpty }.map(\.id))
        }
        let falseAlarms = ids.map { id in
            (id, referrals.indices.map { level in
                Double((0..<seeds).filter { clean[level * seeds + $0].contains(id) }.count) / Double(seeds)
            })
        }
        let cases = Self.harms.flatMap { harm in harm.sizes.map { (harm.label, $0.label, $0.harm) } }
        let flagged = concurrentMap(cases.count * referrals.count * seeds) { index in
            let (_, _, harm) = cases[index / (referrals.count * seeds)]
            let level = (index / seeds) % referrals.count
            let report = area(harm, referrals: referrals[level], seed: index % seeds, months: 6)
            progress?(1)
            let first = report.diagnostics.first { $0.id == harm.diagnostic }?.alerts
                .filter { $0.provider == ProviderID("P02") }.map(\.firstMonth).min()
            return first.map { start.months(to: $0) }
        }
        let detections = cases.enumerated().map { number, item in
            func share(_ within: Int) -> [Double] {
                referrals.indices.map { level in
                    let runs = (0..<seeds).map { flagged[(number * referrals.count + level) * seeds + $0] }
                    return Double(runs.filter { $0.map { $0 < within } ?? false }.count) / Double(seeds)
                }
            }
            return Detection(harm: item.0, size: item.1, diagnostic: item.2.diagnostic!, within3: share(3), within6: share(6))
        }
        return Result(referrals: referrals, seeds: seeds, falseAlarms: falseAlarms, detections: detections)
    }

    /// The result as Markdown tables, for docs/diagnostics.md.
    public static func markdown(_ result: Result) -> String {
        let clientsHeader = result.referrals.map { "\($0 * 4)/month" }
        func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
        var lines = ["False alarms: the share of \(result.seeds) clean areas with an alert in the contract's first 12 months, by clients referred a month (four providers).",
                     "", "| diagnostic | " + clientsHeader.joined(separator: " | ") + " |",
                     "| --- |" + String(repeating: " ---: |", count: result.referrals.count)]
        lines += result.falseAlarms.map { "| \($0.diagnostic) | " + $0.rates.map(percent).joined(separator: " | ") + " |" }
        lines += ["", "Detection: the share of \(result.seeds) areas in which the harm, planted at P02 from the contract's start, is flagged at P02 "
                  + "by its diagnostic within 3 months (and within 6), by clients referred a month.",
                  "", "| harm | size | diagnostic | " + clientsHeader.joined(separator: " | ") + " |",
                  "| --- | --- | --- |" + String(repeating: " ---: |", count: result.referrals.count)]
        lines += result.detections.map { detection in
            "| \(detection.harm) | \(detection.size) | \(detection.diagnostic) | "
                + zip(detection.within3, detection.within6).map { "\(percent($0)) (\(percent($1)))" }.joined(separator: " | ") + " |"
        }
        return lines.joined(separator: "\n")
    }
}
