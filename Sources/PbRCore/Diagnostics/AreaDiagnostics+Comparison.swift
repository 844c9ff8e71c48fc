#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts and completions against comparison areas (`--comparison FILE`): the pilots' main harm was
/// seen this way, against 141 other areas, years later. Against the area's own past alone, a fall the
/// whole country shares would look like harm; against the comparison's months it does not.
extension AreaDiagnostics.Run {
    /// A measure alerts when its placebo p-value is at most this at a monthly look: about 5% of clean
    /// years alert at it (measured in DifferenceInDifferencesTests), where 5% a look gives 10%.
    static let comparisonLevel = 0.025
    /// The fewest comparison areas whose placebo p-value can reach the level: 1 / (1 + 39) is 2.5%.
    static let fewestComparisonAreas = 39

    struct Compared {
        var theirs: ComparisonAreas.Measure
        var ours: AreaTallies.Measure
        var harm: DifferenceInDifferences.Harm
        var words: String
    }

    static let compared = [
        Compared(theirs: .starts, ours: .starts, harm: .fall, words: "episodes started"),
        Compared(theirs: .completions, ours: .completions, harm: .fall, words: "successful completions"),
    ]

    func comparison() -> Diagnostic {
        let method = "difference in differences of the area's monthly count against comparison areas' (area and month effects: "
            + "the area's share of their total in the 24 months before the contract, times their total each month since), its effect the "
            + "ratio of observed to expected summed since the start, judged by its z-score on the log scale; placebo p-value: the share "
            + "of all areas, each comparison area in turn taken as treated against the others, whose lowest z-score so far is as low "
            + "looked at monthly; alert at p at most 2.5%, which needs 39 comparison areas"
        guard let areas = comparisonAreas else {
            return Diagnostic(id: "comparison", method: method + ". Not run: no comparison areas were given (--comparison FILE)",
                              falseAlarmRate: "", alerts: [], series: [])
        }
        let outcomes = Self.compared.map { compare($0, areas) }
        return Diagnostic(id: "comparison", method: method,
                          falseAlarmRate: "at most 2.5% a look for each of the \(Self.compared.count) measures, by the placebo test's construction; "
                              + "about 5% a year of monthly looks (docs/diagnostics.md)",
                          alerts: outcomes.compactMap(\.alert), series: outcomes.map(\.series))
    }

    private func compare(_ measure: Compared, _ areas: ComparisonAreas) -> SeriesMonitor.Outcome {
        let monitor = monitor(1)
        let before = monitor.months(baseline)
        let since = monitor.months(monitored)
        let months = before + since
        let key = AreaTallies.Key(measure.ours)
        let treated = months.map { Double(tallies.tally(key, $0).count) }
        let named = areas.areas(measure.theirs)
        let complete = named.filter { area in months.allSatisfy { areas.contains(measure.theirs, area: area, month: $0) } }
        let leftOut = named.count - complete.count
        var series = DiagnosticSeries(provider: nil, band: nil, baseline: 0, threshold: nil, note: nil, points: [], measure: measure.ours)
        var notes = leftOut == 0 ? [] : ["\(leftOut) comparison areas left out for a month with no figure (\(named.filter { !complete.contains($0) }.prefix(3).joined(separator: ", ")))"]
        guard complete.count >= Self.fewestComparisonAreas else {
            series.points = months.indices.map { .init(month: months[$0], count: Int(treated[$0]), trials: 0, expected: 0, statistic: 0) }
            series.note = (notes + ["\(measure.theirs.rawValue): not monitored: \(complete.count) comparison areas have a figure for every month; "
                + "the placebo test needs \(Self.fewestComparisonAreas)"]).joined(separator: "; ")
            return .init(series: series)
        }
        let model = DifferenceInDifferences(treated: treated, comparison: complete.map { area in months.map { areas.value(measure.theirs, area: area, month: $0)! } },
                                            before: before.count, harm: measure.harm)
        let fitted = model.fitted(), looks = model.looks()
        let threshold = -log10(Self.comparisonLevel)
        series.baseline = before.isEmpty ? 0 : treated.prefix(before.count).reduce(0, +) / Double(before.count)
        series.threshold = threshold
        notes.append("\(measure.theirs.rawValue) against \(complete.count) comparison areas; statistic -log10 of the placebo p-value")
        series.note = notes.joined(separator: "; ")
        series.points = months.indices.map { index in
            let look = index >= before.count ? looks[index - before.count] : nil
            return .init(month: months[index], count: Int(treated[index]), trials: 0, expected: fitted[index], statistic: look.map { -log10($0.p) } ?? 0)
        }
        guard let crossing = looks.firstIndex(where: { $0.p <= Self.comparisonLevel }) else { return .init(series: series) }
        let look = looks[crossing], month = since[crossing]
        let clients = Set(since[...crossing].flatMap { tallies.tally(key, $0).clients }).sorted()
        let asLow = Int((look.p * Double(complete.count + 1)).rounded()) - 1
        let message = "\(measure.words) in the area \(measure.harm == .fall ? "fell" : "rose") against \(complete.count) comparison areas: "
            + "\(Int(look.observed)) \(range(month)) where the area's share of their figures expected \(Self.figure(look.expected)) "
            + "(\(Int((look.observed / max(look.expected, 0.5) * 100).rounded()))%); placebo p-value \(Self.percent(look.p)): "
            + "\(asLow) of the \(complete.count) comparison areas \(measure.harm == .fall ? "fell" : "rose") as far"
        return .init(series: series, alert: DiagnosticAlert(provider: nil, band: nil, firstMonth: month, statistic: -log10(look.p), threshold: threshold,
                                                            clients: clients, message: message))
    }
}
