import PbRCore
import PbRTestSupport
import Testing

/// D2-work-activity and D4-hepb-course.
@Suite("event")
struct EventOutcomeTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    func client(band: Int = 3) -> (ClientBuilder, RecordID) {
        var client = ClientBuilder("C8")
        client.assess("2012-05-01", band: band)
        let episode = client.episode("P01", start: "2012-06-01", end: "2013-06-01", reason: .droppedOut)
        client.top(episode, "2012-06-01", .start, [.opiatesDays: 10, .injectedDays: 5])
        return (client, episode)
    }

    @Test func theFirstWorkActivityEventPaysOnItsDay() {
        var (client, _) = client()
        client.event("2012-09-01", .workActivity)
        client.event("2012-08-01", .workActivity)
        let line = entitlements(contract, [client], asOf: "2013-12-31").lines("D2-work-activity").first
        #expect(line?.achievedOn == day("2012-08-01"))
        #expect(line?.amount == Money("200.00"))
    }

    @Test func aReviewWithPaidWorkOrEducationCountsToo() {
        var (client, episode) = client()
        client.event("2012-09-01", .workActivity)
        client.top(episode, "2012-07-15", .review, [.educationDays: 2])
        #expect(entitlements(contract, [client], asOf: "2013-12-31").lines("D2-work-activity").first?.achievedOn == day("2012-07-15"))
    }

    @Test func eventsCountFromTheJourneysStartToItsEndBothIncluded() {
        var (onStart, _) = client()
        onStart.event("2012-06-01", .workActivity)
        #expect(entitlements(contract, [onStart], asOf: "2013-12-31").lines("D2-work-activity").count == 1)
        var (onEnd, _) = client()
        onEnd.event("2013-06-01", .workActivity)
        #expect(entitlements(contract, [onEnd], asOf: "2013-12-31").lines("D2-work-activity").count == 1)
        var (before, _) = client()
        before.event("2012-05-31", .workActivity)
        before.event("2013-06-02", .workActivity)
        #expect(entitlements(contract, [before], asOf: "2013-12-31").lines("D2-work-activity").isEmpty)
    }

    @Test func hepatitisBCourseIsForInjectorsOnly() {
        var (injector, _) = client()
        injector.event("2012-11-20", .hepbCourseComplete)
        #expect(entitlements(contract, [injector], asOf: "2013-12-31").amounts("D4-hepb-course") == ["100.00 payable"])
        var notInjecting = ClientBuilder("C9")
        notInjecting.assess("2012-05-01", band: 3)
        let episode = notInjecting.episode("P01", start: "2012-06-01")
        notInjecting.top(episode, "2012-06-01", .start, [.opiatesDays: 10, .injectedDays: 0])
        notInjecting.event("2012-11-20", .hepbCourseComplete)
        #expect(entitlements(contract, [notInjecting], asOf: "2013-12-31").lines("D4-hepb-course").isEmpty)
    }
}
