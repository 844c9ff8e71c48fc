import PbRCore
import PbRTestSupport
import Testing

/// D1-abstinent, D1-alcohol-reduced, D4-stopped-injecting, D4-housing, D4-wellbeing (reference prices).
@Suite("top_sustained")
struct TopSustainedTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    /// An opiate user, band 3, starting 2012-06-01 with P01.
    func opiateClient() -> (ClientBuilder, RecordID) {
        var client = ClientBuilder("C1")
        client.assess("2012-05-20", band: 3)
        let episode = client.episode("P01", start: "2012-06-01")
        client.top(episode, "2012-06-01", .start, [.opiatesDays: 20, .injectedDays: 12, .acuteHousing: 1, .qualityOfLife: 8])
        return (client, episode)
    }

    @Test func twoCleanReviewsTwentyEightDaysApartPayAbstinenceOnTheLaterDay() {
        var (client, episode) = opiateClient()
        client.top(episode, "2012-12-01", .review, [.qualityOfLife: 12])
        client.top(episode, "2012-12-29", .review, [.qualityOfLife: 12])
        let report = entitlements(contract, [client], asOf: "2013-01-31")
        let line = report.lines("D1-abstinent").first
        #expect(line?.amount == Money("500.00"))
        #expect(line?.achievedOn == day("2012-12-29"))
        #expect(line?.dueOn == day("2012-12-29"))
        #expect(report.amounts("D4-stopped-injecting") == ["250.00 payable"])
        #expect(report.amounts("D4-housing") == ["250.00 payable"])
        #expect(report.amounts("D4-wellbeing") == ["150.00 payable"])
    }

    @Test func reviewsTwentySevenDaysApartAreTooClose() {
        var (client, episode) = opiateClient()
        client.top(episode, "2012-12-01", .review)
        client.top(episode, "2012-12-28", .review)
        #expect(entitlements(contract, [client], asOf: "2013-06-30").lines("D1-abstinent").isEmpty)
    }

    @Test func aLapseBetweenTwoCleanReviewsBreaksTheRun() {
        var (client, episode) = opiateClient()
        client.top(episode, "2012-10-01", .review)
        client.top(episode, "2012-11-01", .review, [.opiatesDays: 3])
        client.top(episode, "2012-12-01", .review)
        #expect(entitlements(contract, [client], asOf: "2013-06-30").lines("D1-abstinent").isEmpty)
        client.top(episode, "2013-01-15", .exit)
        #expect(entitlements(contract, [client], asOf: "2013-06-30").lines("D1-abstinent").first?.achievedOn == day("2013-01-15"))
    }

    @Test func sameDayReviewsAreZeroDaysApartAndAPostExitTopIsNoReview() {
        var (client, episode) = opiateClient()
        client.top(episode, "2012-12-01", .review, id: "50")
        client.top(episode, "2012-12-01", .review, id: "51")
        client.top(episode, "2013-02-01", .postExit)
        #expect(entitlements(contract, [client], asOf: "2013-06-30").lines("D1-abstinent").isEmpty)
    }

    @Test func anUnknownAnswerNeverSatisfiesACondition() {
        var (client, episode) = opiateClient()
        client.top(episode, "2012-12-01", .review, [.opiatesDays: nil, .injectedDays: nil])
        client.top(episode, "2013-01-01", .review)
        client.top(episode, "2013-02-01", .review, [.opiatesDays: nil, .injectedDays: nil])
        let report = entitlements(contract, [client], asOf: "2013-06-30")
        #expect(report.lines("D1-abstinent").isEmpty)
        #expect(report.lines("D4-stopped-injecting").isEmpty)
    }

    @Test func aJourneyWithoutABaselineEarnsNoTopOutcome() {
        var client = ClientBuilder("C1")
        client.assess("2012-05-20", band: 3)
        let episode = client.episode("P01", start: "2012-06-01")
        client.top(episode, "2012-12-01", .review)
        client.top(episode, "2013-01-01", .review)
        let report = entitlements(contract, [client], asOf: "2013-06-30")
        #expect(report.lines.isEmpty)
    }

    @Test func theLaterReviewsEpisodeProviderEarnsIt() {
        var (client, first) = opiateClient()
        client.history.episodes[0].endOn = day("2012-11-30")
        client.history.episodes[0].dischargeReason = .transferredNotInCustody
        let second = client.episode("P02", start: "2012-12-10")
        client.top(first, "2012-11-30", .exit)
        client.top(second, "2013-01-10", .review)
        let line = entitlements(contract, [client], asOf: "2013-06-30").lines("D1-abstinent").first
        #expect(line?.earnedBy == ProviderID("P02"))
        #expect(line?.providerID == ProviderID("P02"))
    }

    @Test func alcoholReducedNeedsAtMostHalfTheBaselineRoundedDown() {
        var client = ClientBuilder("C2")
        client.assess("2012-05-20", band: 2)
        let episode = client.episode("P01", start: "2012-06-01", substances: [.alcohol])
        client.top(episode, "2012-06-01", .start, [.alcoholDays: 25])
        client.top(episode, "2012-09-01", .review, [.alcoholDays: 12])
        client.top(episode, "2012-12-01", .review, [.alcoholDays: 13])
        client.top(episode, "2013-01-01", .review, [.alcoholDays: 12])
        let report = entitlements(contract, [client], asOf: "2013-06-30")
        #expect(report.lines("D1-alcohol-reduced").isEmpty)
        var better = client
        better.top(episode, "2013-02-01", .review, [.alcoholDays: 0])
        let line = entitlements(contract, [better], asOf: "2013-06-30").lines("D1-alcohol-reduced").first
        #expect(line?.amount == Money("200.00"))
        #expect(line?.achievedOn == day("2013-02-01"))
    }

    @Test func alcoholReducedNeedsEveryOtherPresentingSubstanceAtZero() {
        var client = ClientBuilder("C2")
        client.assess("2012-05-20", band: 2)
        let episode = client.episode("P01", start: "2012-06-01", substances: [.alcohol, .cannabis])
        client.top(episode, "2012-06-01", .start, [.alcoholDays: 20, .cannabisDays: 10])
        client.top(episode, "2012-09-01", .review, [.alcoholDays: 5, .cannabisDays: 1])
        client.top(episode, "2012-12-01", .review, [.alcoholDays: 5])
        client.top(episode, "2013-01-01", .review, [.alcoholDays: 5])
        #expect(entitlements(contract, [client], asOf: "2013-06-30").lines("D1-alcohol-reduced").first?.achievedOn == day("2013-01-01"))
    }
}
