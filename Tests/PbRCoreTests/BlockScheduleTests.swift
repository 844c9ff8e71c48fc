import PbRCore
import PbRTestSupport
import Testing

/// The block: a contract year's value less its results share, in twelve monthly parts whose pennies add
/// up to the year's block exactly.
@Suite("Block schedule")
struct BlockScheduleTests {
    /// Kent's shape: the results share rises year by year (25%, 35%, 50%, 60%).
    let contract = Contract(
        id: "kent-like", name: "test", start: day("2012-04-01"), outcomesUntil: day("2016-03-31"), outcomes: [],
        finance: Finance(years: [
            .init(from: day("2012-04-01"), annualValue: Money(pounds: "1234567.89")!, resultsShareBasisPoints: 2_500),
            .init(from: day("2013-04-01"), annualValue: Money(pounds: "1234567.89")!, resultsShareBasisPoints: 3_500),
            .init(from: day("2014-04-01"), annualValue: Money(pounds: "1234567.89")!, resultsShareBasisPoints: 5_000),
            .init(from: day("2015-04-01"), annualValue: Money(pounds: "1234567.89")!, resultsShareBasisPoints: 6_000),
        ]))

    func block(_ period: String) -> Money? { BlockSchedule.amount(for: StatementPeriod(period)!, contract: contract) }

    @Test func theTwelfthMonthTakesTheYearsRemainingPennies() {
        // 1,234,567.89 × 75% = 925,925.9175, rounded down to 925,925.91; / 12 = 77,160.49 (down);
        // March takes 925,925.91 − 11 × 77,160.49 = 77,160.52.
        #expect(block("2012-04") == Money(pounds: "77160.49"))
        #expect(block("2013-02") == Money(pounds: "77160.49"))
        #expect(block("2013-03") == Money(pounds: "77160.52"))
        var year = StatementPeriod("2012-04")!, total = Money.zero
        for _ in 0..<12 { total += block(year.description)!; year = year.next }
        #expect(total == Money(pounds: "925925.91"))
    }

    @Test func theBlockFallsAsTheResultsShareRises() {
        // 65%: 802,469.1285 → 802,469.12 / 12 = 66,872.42 (down); 50%: 617,283.94 (down) / 12 = 51,440.32;
        // 40%: 493,827.15 (down) / 12 = 41,152.26.
        #expect(block("2013-04") == Money(pounds: "66872.42"))
        #expect(block("2014-04") == Money(pounds: "51440.32"))
        #expect(block("2015-04") == Money(pounds: "41152.26"))
        // The last March: 493,827.15 − 11 × 41,152.26 = 41,152.29.
        #expect(block("2016-03") == Money(pounds: "41152.29"))
    }

    @Test func noBlockFallsOutsideTheContract() {
        #expect(block("2012-03") == nil)
        #expect(block("2016-04") == nil)
    }

    @Test func aMonthsLastDayKnowsLeapYears() {
        #expect(StatementPeriod("2012-02")!.lastDay == day("2012-02-29"))
        #expect(StatementPeriod("2013-02")!.lastDay == day("2013-02-28"))
        #expect(StatementPeriod("2012-12")!.next == StatementPeriod("2013-01")!)
        #expect(StatementPeriod("2013-13") == nil && StatementPeriod("13-06") == nil && StatementPeriod("2013-6") == nil)
    }
}
