extension AreaDiagnostics.Run {
    /// Bunching at thresholds: each measure's events near its threshold, for the area and each provider,
    /// by an exact binomial test; the measures share the diagnostic's 5% a year.
    func bunching(_ id: String, _ measures: [AreaTallies.Measure]) -> Diagnostic {
        let keys = measures.flatMap { tallies.keys($0) }
        let test = ThresholdTest(monitor: monitor(keys.count))
        let outcomes = keys.map { key in
            test.run(key) { counted, near, share, through in
                "\(bunchingEvents(key)): \(counted) of the \(near) \(range(through)) fall \(key.measure == .dischargesJustBeforeReview ? "before" : "after") it, "
                    + "where the baseline had \(Int((share * 100).rounded()))%"
            }
        }
        return diagnostic(id, method: "exact binomial test of " + measures.map(bunchingMethod).joined(separator: "; and of ")
            + ", over the months since the contract's start, against the baseline's share (half, with fewer than 20 in the baseline); "
            + "statistic -log10 p, looked at monthly", outcomes)
    }

    /// What a bunching alert says it saw, before the counts.
    func bunchingEvents(_ key: AreaTallies.Key) -> String {
        switch key.measure {
        case .reviewsJustPastGap:
            "reviews \(who(key)) bunch just past the \(contract.minimumReviewGap)-day minimum gap, within 7 days either side"
        case .representationsJustAfterWindow:
            "re-presentations \(who(key)) wait until just after a completion's instalment days (\(Self.months(contract.completionInstalmentMonths))), "
                + "within 28 days either side"
        default:
            "discharges \(who(key)) come just before a review falls due (\(contract.reviewsDueEvery) after the last TOP), within 28 days either side"
        }
    }

    func bunchingMethod(_ measure: AreaTallies.Measure) -> String {
        switch measure {
        case .reviewsJustPastGap: "reviews 0-6 days past the minimum gap after the review before, among those within 7 days either side of it"
        case .representationsJustAfterWindow:
            "re-presentations 1-28 days after one of a successful completion's instalment days (the last closes its window), "
                + "among those within 28 days either side of one"
        default:
            "discharges (other than by death) 1-28 days before the episode's next review fell due (\(contract.reviewsDueEvery) after its last "
                + "start or review TOP), among those within 28 days either side of that day"
        }
    }
}
