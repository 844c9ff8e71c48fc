/// Risk adjustment by band: complex clients complete less often, so a provider given more of them
/// completes less without doing worse. A month's expected completions are the baseline's mean moved by
/// the caseload's band mix (an indirectly standardised index, as in NHS outcome comparisons).
extension AreaDiagnostics.Run {
    /// Each band's baseline rate for the key (its completions a client-month in treatment), weighted by
    /// the month's caseload in that band, over the baseline's mean of the same: the mean moved by it.
    /// Nil where the baseline has no caseload by band (no assessments): the plain mean serves.
    func caseMix(_ key: AreaTallies.Key, _ monitor: SeriesMonitor) -> SeriesMonitor.Expectation? {
        let before = monitor.months(baseline)
        func caseload(_ band: Band, _ month: StatementPeriod) -> Int {
            tallies.tally(AreaTallies.Key(.inTreatment, provider: key.provider, band: band), month).count
        }
        var rate: [Band: Double] = [:]
        for band in Band.all {
            let months = before.reduce(0) { $0 + caseload(band, $1) }
            let reached = before.reduce(0) { $0 + tallies.tally(AreaTallies.Key(key.measure, provider: key.provider, band: band), $1).count }
            rate[band] = months == 0 ? 0 : Double(reached) / Double(months)
        }
        func index(_ month: StatementPeriod) -> Double { Band.all.reduce(0) { $0 + Double(caseload($1, month)) * rate[$1]! } }
        let baseIndex = before.reduce(0) { $0 + index($1) } / Double(max(before.count, 1))
        guard baseIndex > 0 else { return nil }
        let baseMean = Double(before.reduce(0) { $0 + tallies.tally(key, $1).count }) / Double(max(before.count, 1))
        return .perMonth(baseline: baseMean) { baseMean * index($0) / baseIndex }
    }
}
