/// The part of a contract not paid on results, paid as a block in twelve monthly parts a contract year
/// (DOMAIN.md, "Block and attachment").
public enum BlockSchedule {
    /// The block due for `period`: the contract year's `annual_value` times (100% − `results_share`),
    /// rounded down to the penny, in twelve parts each rounded down, the year's twelfth month taking the
    /// remainder, so that a year's parts add up to its block exactly. Nil when no block is due: a
    /// contract paid by attachment fees, a month outside the contract, or a year with no finance entry.
    public static func amount(for period: StatementPeriod, contract: Contract) -> Money? {
        guard contract.finance.remainder == "monthly_block",
              period >= StatementPeriod(containing: contract.start),
              period <= StatementPeriod(containing: contract.outcomesUntil) else { return nil }
        let yearStart = contract.yearStart(containing: period.firstDay)
        // The finance entry in force on the month's first day.
        guard let terms = contract.finance.years.filter({ $0.from <= period.firstDay }).max(by: { $0.from < $1.from }) else { return nil }
        let yearly = terms.annualValue.share(basisPoints: 10_000 - terms.resultsShareBasisPoints)
        let monthly = Money(pence: yearly.pence / 12)
        let monthOfYear = StatementPeriod(containing: yearStart).months(to: period) + 1
        assert((1...12).contains(monthOfYear), "a contract year has twelve months")
        return monthOfYear == 12 ? yearly - Money(pence: monthly.pence * 11) : monthly
    }
}
