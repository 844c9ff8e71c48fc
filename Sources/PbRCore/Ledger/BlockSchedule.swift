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
        guard let terms = terms(for: period, contract: contract) else { return nil }
        let yearly = terms.annualValue.share(basisPoints: 10_000 - terms.resultsShareBasisPoints)
        let monthly = Money(pence: yearly.pence / 12)
        let monthOfYear = StatementPeriod(containing: yearStart).months(to: period) + 1
        assert((1...12).contains(monthOfYear), "a contract year has twelve months")
        return monthOfYear == 12 ? yearly - Money(pence: monthly.pence * 11) : monthly
    }

    /// The finance entry in force on the month's first day.
    static func terms(for period: StatementPeriod, contract: Contract) -> Finance.Year? {
        contract.finance.years.filter { $0.from <= period.firstDay }.max { $0.from < $1.from }
    }

    /// The block line's reason: the year's terms and which twelfth this is.
    public static func reason(for period: StatementPeriod, contract: Contract) -> String {
        guard let terms = terms(for: period, contract: contract) else { return "block for \(period)" }
        let yearStart = contract.yearStart(containing: period.firstDay)
        let month = StatementPeriod(containing: yearStart).months(to: period) + 1
        let yearly = terms.annualValue.share(basisPoints: 10_000 - terms.resultsShareBasisPoints)
        return "block for \(period): month \(month) of 12 of the contract year from \(yearStart), "
            + "\(Money(pence: Int64(10_000 - terms.resultsShareBasisPoints)))% of \(terms.annualValue) = \(yearly) a year"
            + (month == 12 ? ", this month taking the pennies left" : "")
    }
}
