import PbRCore
import PbRTestSupport
import Testing

/// The summary's totals by contract year, beside the results budget, and by band.
@Suite("Totals by contract year and band")
struct YearAndBandTotalsTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    func line(band: Int = 2, achieved: String, earns: String? = nil, _ status: Entitlement.Status, _ amount: String,
              pending: String = "0.00") -> Entitlement {
        Entitlement(providerID: ProviderID("P01"), earnedBy: ProviderID("P01"), clientID: ClientID("C"),
                    outcomeID: OutcomeID("D2"), part: 1, band: Band(band)!, achievedOn: day(achieved),
                    dueOn: day(earns ?? achieved), earnsOn: day(earns ?? achieved), amount: Money(amount),
                    status: status, reason: "", pendingAmount: Money(pending))
    }

    func describe(_ row: YearTotals.Row) -> String {
        let t = row.totals
        return "\(row.start) owed \(t.owed) (\(t.payableLines)+\(t.cappedLines)) pending \(t.pendingValue) (\(t.pendingLines))"
    }

    @Test func eachLineCountsInTheContractYearOfItsEarningDay() {
        let lines = [
            line(achieved: "2013-03-31", .payable, "200.00"),
            // An instalment achieved in 2012/13 and due in 2013/14 earns in 2013/14.
            line(achieved: "2013-01-31", earns: "2013-04-30", .payable, "325.00"),
            line(achieved: "2013-04-01", .capped, "50.00"),
            line(achieved: "2015-06-30", earns: "2016-03-31", .pending, "0.00", pending: "400.00"),
        ]
        #expect(YearTotals(lines, contract: contract).rows.map(describe) == [
            "2012-04-01 owed 200.00 (1+0) pending 0.00 (0)",
            "2013-04-01 owed 375.00 (1+1) pending 0.00 (0)",
            "2014-04-01 owed 0.00 (0+0) pending 0.00 (0)",
            "2015-04-01 owed 0.00 (0+0) pending 400.00 (1)",
        ])
    }

    @Test func theResultsBudgetIsTheAnnualValueTimesTheResultsShareRoundedDownToThePenny() {
        // 2,400,000.00 at 25%, 35%, 50% and 60%.
        #expect(YearTotals([], contract: contract).rows.map { $0.resultsBudget?.description }
                == ["600000.00", "840000.00", "1200000.00", "1440000.00"])
        var odd = contract
        odd.finance.years = [
            // 100.01 × 50% = 50.005: down to 50.00, not up to 50.01.
            .init(from: day("2012-04-01"), annualValue: Money("100.01"), resultsShareBasisPoints: 5_000),
            // 123,456.78 × 33.33% = 41,148.144774: 41,148.14.
            .init(from: day("2013-04-01"), annualValue: Money("123456.78"), resultsShareBasisPoints: 3_333),
        ]
        let years = YearTotals([], contract: odd)
        #expect(years.rows.map { $0.resultsBudget?.description } == ["50.00", "41148.14", nil, nil])
        #expect(years.totalResultsBudget == Money("41198.14"))
    }

    @Test func aFinanceYearGivesTheBudgetOfTheContractYearThatHoldsItsFromDay() {
        var late = contract
        late.finance.years = [.init(from: day("2013-10-01"), annualValue: Money("1000.00"), resultsShareBasisPoints: 1_000)]
        #expect(YearTotals([], contract: late).rows.map { $0.resultsBudget?.description } == [nil, "100.00", nil, nil])
    }

    @Test func budgetLeftIsTheBudgetLessPayableAndCappedButNotPending() {
        var small = contract
        small.finance.years = [.init(from: day("2012-04-01"), annualValue: Money("1000.00"), resultsShareBasisPoints: 5_000)]
        let lines = [
            line(achieved: "2012-06-01", .payable, "300.00"),
            line(achieved: "2012-07-01", .capped, "250.00"),
            line(achieved: "2012-08-01", .pending, "0.00", pending: "700.00"),
        ]
        let years = YearTotals(lines, contract: small)
        // 500.00 less 300.00 and 250.00: 50.00 over budget.
        #expect(years.rows.first?.budgetLeft == Money("-50.00"))
        #expect(years.rows.dropFirst().map(\.budgetLeft) == [nil, nil, nil])
        #expect(years.totalBudgetLeft == Money("-50.00"))
        #expect(years.total.owed == Money("550.00"))
        #expect(years.total.pendingValue == Money("700.00"))
    }

    @Test func totalsByBandListOnlyBandsWithLines() {
        let lines = [
            line(band: 4, achieved: "2012-06-01", .payable, "600.00"),
            line(band: 1, achieved: "2012-06-01", .payable, "150.00"),
            line(band: 4, achieved: "2012-07-01", .pending, "0.00", pending: "500.00"),
            line(band: 1, achieved: "2012-08-01", .capped, "0.00"),
            line(band: 4, achieved: "2012-09-01", .payable, "175.00"),
        ]
        #expect(BandTotals(lines).rows.map { row in
            let t = row.totals
            return "\(row.band) \(t.payableLines) \(t.payable) \(t.pendingLines) \(t.pendingValue) \(t.cappedLines) \(t.capped)"
        } == ["1 1 150.00 0 0.00 1 0.00", "4 2 775.00 1 500.00 0 0.00"])
    }
}
