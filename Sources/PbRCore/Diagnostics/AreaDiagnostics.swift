/// The diagnostics of one area under a contract, as of a day (DOMAIN.md, "Diagnostics: data out"):
/// each measure for the area and each provider, its CUSUM or threshold test against the 24 months
/// before the contract, and an alert where it crosses its limit.
public enum AreaDiagnostics {
    /// The false-alarm rate of each measure over a year of clean data, across all its series.
    public static let falseAlarmPerYear = 0.05

    /// - Parameter comparison: other areas' monthly figures, for the `comparison` diagnostic; nil runs it not.
    public static func run(_ histories: [ClientHistory], contract: Contract, asOf: Day, comparison: ComparisonAreas? = nil) -> DiagnosticsReport {
        let start = StatementPeriod(containing: contract.start)
        let baseline = StatementPeriod(containing: contract.start.adding(months: -24))...StatementPeriod(containing: contract.start.adding(months: -1))
        let lastEnded = StatementPeriod(containing: asOf.adding(days: 1)).previous
        let monitored = lastEnded >= start ? start...lastEnded : nil
        let tallies = AreaTallies(histories, first: baseline.lowerBound, last: monitored?.upperBound ?? baseline.upperBound, asOf: asOf,
                                  minGap: contract.minimumReviewGap, instalmentMonths: contract.completionInstalmentMonths,
                                  reviewsDueEvery: contract.reviewsDueEvery)
        let run = Run(tallies: tallies, baseline: baseline, monitored: monitored, asOf: asOf, contract: contract, comparisonAreas: comparison)
        return DiagnosticsReport(contractID: contract.id, asOf: asOf, baseline: baseline, monitored: monitored, diagnostics: run.all())
    }

    struct Run {
        let tallies: AreaTallies
        let baseline: ClosedRange<StatementPeriod>
        let monitored: ClosedRange<StatementPeriod>?
        let asOf: Day
        let contract: Contract
        let comparisonAreas: ComparisonAreas?

        func monitor(_ seriesCount: Int) -> SeriesMonitor {
            SeriesMonitor(tallies: tallies, baseline: baseline, monitored: monitored, falseAlarm: falseAlarmPerYear / Double(max(seriesCount, 1)))
        }

        func who(_ key: AreaTallies.Key) -> String {
            (key.provider.map { "at \($0)" } ?? "in the area") + (key.band.map { ", band \($0)," } ?? "")
        }

        func range(_ months: ClosedRange<StatementPeriod>) -> String {
            months.lowerBound == months.upperBound ? "in \(months.lowerBound)" : "from \(months.lowerBound) to \(months.upperBound)"
        }

        /// The months since the contract's start, through one (what a threshold test has judged).
        func range(_ through: StatementPeriod) -> String { range(monitored!.lowerBound...through) }

        static func figure(_ value: Double) -> String {
            let tenths = Int((value * 10).rounded())
            return "\(tenths / 10).\(abs(tenths % 10))"
        }

        func all() -> [Diagnostic] {
            [counts("starts", .starts, ratio: 0.5, words: "episodes started"),
             counts("completions", .completions, ratio: 0.6, words: "successful completions", byCaseMix: true),
             counts("completions_without_representation", .completionsWithoutRepresentation, ratio: 0.6,
                    words: "completions not followed by re-presentation within 6 months", judged: true),
             counts("declined", .declined, ratio: 2, words: "episodes ended declined_treatment"),
             creaming(), parking(), selfReport(), bunching("review_bunching", [.reviewsJustPastGap, .dischargesJustBeforeReview]),
             bunching("discharge_timing", [.representationsJustAfterWindow]),
             deaths(), comparison()]
        }

        /// A Poisson CUSUM of a monthly count against the baseline's mean, or with `byCaseMix` against
        /// that mean moved with the band mix of the caseload (`caseMix`).
        func counts(_ id: String, _ measure: AreaTallies.Measure, ratio: Double, words: String, judged: Bool = false, byCaseMix: Bool = false) -> Diagnostic {
            let keys = tallies.keys(measure).filter { $0.band == nil }
            let lastJudged = judged ? StatementPeriod(containing: asOf.adding(months: -6)).previous : nil
            let monitor = monitor(keys.count)
            let outcomes = keys.map { key in
                let adjusted = byCaseMix ? caseMix(key, monitor) : nil
                return monitor.run(key, design: .poisson(ratio: ratio), expectation: adjusted ?? .meanCount, judged: lastJudged) { count, _, expected, through in
                    "\(words) \(who(key)) \(ratio < 1 ? "fell" : "rose"): \(count) \(range(through)) against \(Self.figure(expected)) expected from the baseline"
                        + (adjusted == nil ? "" : " and the caseload's bands")
                }
            }
            let direction = ratio < 1 ? "a fall to \(Int(ratio * 100))%" : "a rise to \(Int(ratio * 100))%"
            return diagnostic(id, method: "Poisson CUSUM of \(words) a month against the mean of the 24 months before the contract"
                + (byCaseMix ? ", moved each month by the caseload's band mix (the clients in treatment on its first day by band, weighted by the "
                    + "baseline's rate for the band, against the baseline's mean of the same)" : "")
                + ", tuned to \(direction) of it; decision limit simulated" + (judged ? "; a month is judged once 6 months have passed since it" : ""), outcomes)
        }

        /// Reviews reporting abstinence, expected at the baseline's share moved by as much as the drug tests'
        /// negative share moved since (a difference in differences): a rise the tests do not show.
        func selfReport() -> Diagnostic {
            let keys = tallies.keys(.abstinentReviews)
            let monitor = monitor(keys.count)
            let outcomes = keys.map { key in
                let tests = AreaTallies.Key(.negativeTests, provider: key.provider)
                let base = monitor.months(baseline).map { tallies.tally(tests, $0) }
                let (negative, total) = base.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.trials) }
                let abstinent = monitor.months(baseline).map { tallies.tally(key, $0) }.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.trials) }
                let reported = abstinent.1 == 0 ? 0 : Double(abstinent.0) / Double(abstinent.1)
                let tested = total == 0 ? nil : Double(negative) / Double(total)
                let since = monitor.months(monitored)
                func expected(_ month: StatementPeriod) -> Double {
                    guard let tested, month >= (monitored?.lowerBound ?? month) else { return reported }
                    let sofar = since.filter { $0 <= month }.map { tallies.tally(tests, $0) }.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.trials) }
                    guard sofar.1 >= 10 else { return reported }
                    return min(max(reported + Double(sofar.0) / Double(sofar.1) - tested, 0.01), 0.99)
                }
                return monitor.run(key, design: .bernoulli(oddsRatio: 1.5), expectation: .perMonth(baseline: reported, expected)) { count, trials, expectedSum, through in
                    "reviews reporting abstinence \(who(key)) rose: \(count) of \(trials) \(range(through)) against \(Self.figure(expectedSum)) expected "
                        + "from the baseline and the drug tests since"
                }
            }
            return diagnostic("self_report", method: "Bernoulli CUSUM of reviews reporting 0 days of every presenting substance, expected at the "
                + "baseline's share plus the change in the share of negative drug tests since (difference in differences), tuned to its odds "
                + "rising by half; decision limit simulated", outcomes)
        }

        /// Deaths against what the area's baseline rate for each band expects of the clients at risk: a
        /// provider is judged against the area, and the area against its own past.
        func deaths() -> Diagnostic {
            let keys = tallies.keys(.deaths).filter { $0.band == nil }
            let monitor = monitor(keys.count)
            let months = monitor.months(baseline)
            func total(_ key: AreaTallies.Key) -> Int { months.reduce(0) { $0 + tallies.tally(key, $1).count } }
            var rate: [Band: Double] = [:]
            for band in Band.all {
                let atRisk = total(AreaTallies.Key(.atRisk, band: band))
                rate[band] = atRisk == 0 ? 0 : Double(total(AreaTallies.Key(.deaths, band: band))) / Double(atRisk)
            }
            let outcomes = keys.map { key in
                func expected(_ month: StatementPeriod) -> Double {
                    Band.all.reduce(0) { $0 + Double(tallies.tally(AreaTallies.Key(.atRisk, provider: key.provider, band: $1), month).count) * rate[$1]! }
                }
                let base = months.reduce(0) { $0 + expected($1) } / Double(max(months.count, 1))
                return monitor.run(key, design: .poisson(ratio: 2), expectation: .perMonth(baseline: base, expected),
                                   estimatedFrom: total(AreaTallies.Key(.deaths))) { count, _, expectedSum, through in
                    "deaths \(who(key)) (in treatment or within a year of discharge): \(count) \(range(through)) against \(Self.figure(expectedSum)) "
                        + "expected at the area's baseline rates by band"
                }
            }
            var deaths = diagnostic("deaths", method: "Poisson CUSUM of deaths in treatment or within a year of discharge, each month's expected count the "
                + "clients at risk by band times the area's baseline death rate for the band, tuned to a doubling; decision limit simulated. "
                + "And a funnel test of each provider's deaths since the baseline's first month against the other providers' rates by band "
                + "(exact Poisson, outside 99.8%)", outcomes)
            let funnel = deathsFunnel()
            deaths.add(funnel: funnel.outcomes)
            deaths.funnels += funnel.plot.map { [$0] } ?? []
            deaths.falseAlarmRate += "; the funnel's test 0.1% a look for each provider"
            return deaths
        }

        func diagnostic(_ id: String, method: String, _ outcomes: [SeriesMonitor.Outcome]) -> Diagnostic {
            Diagnostic(id: id, method: method,
                       falseAlarmRate: "5% a year across the measure's \(outcomes.count) series (each at \(Self.percent(falseAlarmPerYear / Double(max(outcomes.count, 1)))))",
                       alerts: outcomes.compactMap(\.alert), series: outcomes.map(\.series))
        }

        /// "3, 6, 9 and 12 months".
        static func months(_ months: [Int]) -> String {
            let words = months.map(String.init)
            return (words.count > 1 ? words.dropLast().joined(separator: ", ") + " and " + words.last! : words[0]) + " months"
        }

        static func percent(_ share: Double) -> String {
            let hundredths = Int((share * 10_000).rounded())
            return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)%"
        }
    }
}
