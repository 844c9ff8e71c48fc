import PbRCore
import PbRTestSupport
import Testing

@Suite("Journeys")
struct JourneyTests {
    func episodes(_ spans: [(String, String?, String?)]) -> [Episode] {
        spans.enumerated().map { index, span in
            Episode(recordID: RecordID(String(index + 1)), clientID: ClientID("C"), providerID: ProviderID(span.0),
                    startOn: span.1.map(day), endOn: span.2.map(day), dischargeReason: span.2 == nil ? nil : .droppedOut)
        }
    }

    @Test func aGapOfTwentyOneDaysLinksAndTwentyTwoDoesNot() {
        let linked = Journey.link(episodes([("P1", "2012-01-01", "2012-03-01"), ("P2", "2012-03-22", "2012-06-01")]), gapDays: 21)
        #expect(linked.count == 1)
        #expect(linked[0].end == day("2012-06-01"))
        let apart = Journey.link(episodes([("P1", "2012-01-01", "2012-03-01"), ("P2", "2012-03-23", "2012-06-01")]), gapDays: 21)
        #expect(apart.count == 2)
    }

    @Test func theGapIsCountedFromTheLatestEndSoFar() {
        // The second episode ends before the first: the third is 10 days after the first's end.
        let journeys = Journey.link(episodes([
            ("P1", "2012-01-01", "2012-06-01"), ("P2", "2012-02-01", "2012-03-01"), ("P3", "2012-06-11", "2012-09-01"),
        ]), gapDays: 21)
        #expect(journeys.count == 1)
        #expect(journeys[0].lastEpisode.providerID == ProviderID("P3"))
    }

    @Test func anOpenEpisodeKeepsEverythingAfterItInTheJourney() {
        let journeys = Journey.link(episodes([("P1", "2012-01-01", nil), ("P2", "2014-01-01", "2014-02-01")]), gapDays: 21)
        #expect(journeys.count == 1)
        #expect(journeys[0].end == nil)
        #expect(journeys[0].lastEpisode.providerID == ProviderID("P1"))
    }

    @Test func anEpisodeThatNeverStartedIsInNoJourney() {
        let journeys = Journey.link(episodes([("P1", nil, nil), ("P2", "2012-01-01", "2012-02-01")]), gapDays: 21)
        #expect(journeys.count == 1)
        #expect(journeys[0].episodes.map(\.providerID) == [ProviderID("P2")])
    }

    @Test func theEndIsTheLatestDischargeTiesGoToTheLaterStart() {
        let journeys = Journey.link(episodes([("P1", "2012-01-01", "2012-05-01"), ("P2", "2012-02-01", "2012-05-01")]), gapDays: 21)
        #expect(journeys[0].lastEpisode.providerID == ProviderID("P2"))
        #expect(journeys[0].firstEpisode.providerID == ProviderID("P1"))
    }

    @Test func presentingSubstancesComeFromTheFirstEpisodeEachOnce() {
        var first = episodes([("P1", "2012-01-01", nil)])[0]
        first.substances = [.opiates, .crack, .opiates]
        let journey = Journey.link([first], gapDays: 21)[0]
        #expect(journey.presenting == [.opiates, .crack])
    }

    @Test func anEpisodeEndingAfterTheRunsDayIsOpen() {
        var client = ClientBuilder("C")
        client.episode("P1", start: "2012-01-01", end: "2013-01-01", reason: .completedDrugFree)
        let seen = client.history.asOf(day("2012-12-31"))
        #expect(seen.episodes[0].endOn == nil)
        #expect(seen.episodes[0].dischargeReason == nil)
        #expect(client.history.asOf(day("2013-01-01")).episodes[0].endOn == day("2013-01-01"))
    }
}
