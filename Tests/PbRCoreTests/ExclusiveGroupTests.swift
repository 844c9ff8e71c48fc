import PbRCore
import PbRTestSupport
import Testing

/// D1-abstinent and D1-alcohol-reduced pay at most the higher of the two prices.
@Suite("Exclusive group")
struct ExclusiveGroupTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    /// Alcohol only, band 2 (abstinent 400.00, reduced 200.00), baseline 20 drinking days.
    func drinker(band: Int = 2) -> (ClientBuilder, RecordID) {
        var client = ClientBuilder("C3")
        client.assess("2012-05-20", band: band, id: "1")
        let episode = client.episode("P01", start: "2012-06-01", substances: [.alcohol])
        client.top(episode, "2012-06-01", .start, [.alcoholDays: 20])
        return (client, episode)
    }

    @Test func theLesserFirstThenTheGreaterPaysOnlyTheDifference() {
        var (client, episode) = drinker()
        client.top(episode, "2012-09-01", .review, [.alcoholDays: 8])
        client.top(episode, "2012-10-01", .review, [.alcoholDays: 6])
        client.top(episode, "2012-11-01", .review, [.alcoholDays: 0])
        client.top(episode, "2012-12-01", .review, [.alcoholDays: 0])
        let report = entitlements(contract, [client], asOf: "2013-06-30")
        #expect(report.amounts("D1-alcohol-reduced") == ["200.00 payable"])
        #expect(report.lines("D1-alcohol-reduced").first?.achievedOn == day("2012-10-01"))
        #expect(report.amounts("D1-abstinent") == ["200.00 payable"])
        #expect(report.lines("D1-abstinent").first?.achievedOn == day("2012-12-01"))
    }

    @Test func bothOnTheSameDayPayOnlyTheHigherPrice() {
        var (client, episode) = drinker()
        client.top(episode, "2012-09-01", .review, [.alcoholDays: 0])
        client.top(episode, "2012-10-01", .review, [.alcoholDays: 0])
        let report = entitlements(contract, [client], asOf: "2013-06-30")
        #expect(report.amounts("D1-abstinent") == ["400.00 payable"])
        #expect(report.lines("D1-alcohol-reduced").isEmpty)
    }

    @Test func aTopUpIsZeroAndNotWrittenWhenTheBandFellBetween() {
        // Reduced at band 5 (350.00); abstinent later at band 1 (300.00): nothing more to pay.
        var (client, episode) = drinker(band: 5)
        client.top(episode, "2012-09-01", .review, [.alcoholDays: 8])
        client.top(episode, "2012-10-01", .review, [.alcoholDays: 6])
        client.assess("2012-10-15", band: 1, id: "2")
        client.top(episode, "2012-11-01", .review, [.alcoholDays: 0])
        client.top(episode, "2012-12-01", .review, [.alcoholDays: 0])
        let report = entitlements(contract, [client], asOf: "2013-06-30")
        #expect(report.amounts("D1-alcohol-reduced") == ["350.00 payable"])
        #expect(report.lines("D1-abstinent").isEmpty)
    }
}
