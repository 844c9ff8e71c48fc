/// An area's monthly figures in the comparison file's measures (DOMAIN.md, "Diagnostics: data out"):
/// what one area gives others to compare against, counted as the diagnostics count their own.
public enum ComparisonFigures {
    /// - Parameters:
    ///   - months: the months counted.
    ///   - asOf: the day the figures are known on. A month's completions without re-presentation are
    ///     given only once 6 months have passed since its last day; a month not ended has no figures.
    public static func of(_ histories: [ClientHistory], months: ClosedRange<StatementPeriod>, asOf: Day) -> [ComparisonAreas.Measure: [StatementPeriod: Int]] {
        let ended = StatementPeriod(containing: asOf.adding(days: 1)).previous
        guard months.lowerBound <= ended else { return [:] }
        let counted = months.lowerBound...min(months.upperBound, ended)
        var figures: [ComparisonAreas.Measure: [StatementPeriod: Int]] = [:]
        var month = counted.lowerBound
        while month <= counted.upperBound {
            for measure in ComparisonAreas.Measure.allCases where measure != .completionsWithoutRepresentation || month.lastDay.adding(months: 6) <= asOf {
                figures[measure, default: [:]][month] = 0
            }
            month = month.next
        }
        // Only months with a figure count (a month not judged yet has none).
        func add(_ measure: ComparisonAreas.Measure, _ day: Day?) {
            guard let day else { return }
            let month = StatementPeriod(containing: day)
            if figures[measure]?[month] != nil { figures[measure]![month]! += 1 }
        }
        for full in histories {
            let history = full.asOf(asOf)
            let episodes = history.episodes.filter { $0.startOn != nil }.sorted { $0.startOn! < $1.startOn! }
            for episode in history.episodes { add(.referrals, episode.referralOn) }
            for episode in episodes {
                add(.starts, episode.startOn)
                guard let end = episode.endOn, let reason = episode.dischargeReason else { continue }
                if reason == .declinedTreatment { add(.declined, end) }
                guard reason.isSuccessfulCompletion else { continue }
                add(.completions, end)
                let representedOn = episodes.first { $0.startOn! > end }?.startOn
                if representedOn.map({ $0 > end.adding(months: 6) }) ?? true { add(.completionsWithoutRepresentation, end) }
            }
            // In treatment at the month's end: one count a client, however many episodes are open.
            var month = counted.lowerBound
            while month <= counted.upperBound {
                let end = month.lastDay
                if episodes.contains(where: { $0.startOn! <= end && ($0.endOn.map { $0 > end } ?? true) }) { figures[.inTreatment]![month]! += 1 }
                month = month.next
            }
        }
        return figures
    }
}
