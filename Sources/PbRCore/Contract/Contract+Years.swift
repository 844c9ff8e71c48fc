extension Contract {
    /// The first day of the contract year after the one that holds `day`.
    public func yearStart(after day: Day) -> Day {
        yearStart(containing: yearStart(containing: day).adding(months: 12))
    }

    /// `2012/13` for a contract year from 1 April 2012; `2012` where contract years are calendar years.
    public static func yearLabel(startingOn start: Day) -> String {
        let (year, month, day) = start.civil
        guard month != 1 || day != 1 else { return String(year) }
        let next = (year + 1) % 100
        return "\(year)/" + (next < 10 ? "0" : "") + String(next)
    }

    /// The last day a line of the contract can fall due: `outcomes_until`, or after it the end of the
    /// longest data lag of an offending outcome whose window ends on that day, or the day the last
    /// cohort of a cohort outcome falls due.
    public var settledOn: Day {
        let offending = outcomes.reduce(outcomesUntil) { last, rule in
            guard case .noOffending(let offending) = rule.kind else { return last }
            return max(last, offending.dataLag.after(outcomesUntil))
        }
        return cohortOutcomes.reduce(offending) { last, cohort in
            max(last, cohort.dataLag.after(cohort.closesOn(start: outcomesUntil)))
        }
    }

    /// The first day of every contract year from the one that holds the contract's start to the one that
    /// holds `outcomes_until`, in order.
    public var yearStarts: [Day] {
        var starts = [yearStart(containing: start)]
        let last = yearStart(containing: outcomesUntil)
        while let current = starts.last, current < last { starts.append(yearStart(after: current)) }
        return starts
    }

    /// What the contract means to pay on results in the contract year that starts on `yearStart`: the
    /// year's `annual_value` times its `results_share`, rounded down to the penny.
    ///
    /// A finance year gives the budget of the contract year that holds its `from` day (where two fall in
    /// one contract year, the later `from`). Returns nil when no finance year falls in that contract year.
    public func resultsBudget(yearStarting yearStart: Day) -> Money? {
        finance.years.filter { self.yearStart(containing: $0.from) == yearStart }
            .max { $0.from < $1.from }
            .map { $0.annualValue.share(basisPoints: $0.resultsShareBasisPoints) }
    }
}
