extension Contract {
    /// The first day of the contract year after the one that holds `day`.
    public func yearStart(after day: Day) -> Day {
        yearStart(containing: yearStart(containing: day).adding(months: 12))
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
