@testable import PbRCore
import Testing

/// What the diagnostics count, on one client's journey worked by hand.
@Suite("Diagnostics: what the tallies count")
struct AreaTalliesTests {
    /// Completed on 15 January 2012; back at the provider on `back`.
    func representation(back: String, instalments: [Int]) -> AreaTallies.Tally {
        var history = ClientHistory(clientID: ClientID("C1"))
        history.add(.episode(Episode(recordID: RecordID("E1"), clientID: ClientID("C1"), providerID: ProviderID("P01"), startOn: Day(iso: "2011-06-01")!,
                                     endOn: Day(iso: "2012-01-15")!, dischargeReason: .completedDrugFree, substances: [.opiates])))
        history.add(.episode(Episode(recordID: RecordID("E2"), clientID: ClientID("C1"), providerID: ProviderID("P01"), startOn: Day(iso: back)!,
                                     substances: [.opiates])))
        let tallies = AreaTallies([history], first: StatementPeriod("2011-01")!, last: StatementPeriod("2013-06")!, asOf: Day(iso: "2013-06-30")!,
                                  instalmentMonths: instalments)
        return tallies.tally(AreaTallies.Key(.representationsJustAfterWindow, provider: ProviderID("P01")), StatementPeriod(containing: Day(iso: back)!))
    }

    @Test func aRepresentationJustAfterAnInstalmentDayCountsAsHeldPastIt() {
        // The 3-month instalment falls due on 15 April: back on the 20th is 5 days after it.
        #expect([representation(back: "2012-04-20", instalments: [3, 6, 9, 12])].map { [$0.count, $0.trials] } == [[1, 1]])
        // On the 10th, 5 days before it: near it, but not after.
        #expect([representation(back: "2012-04-10", instalments: [3, 6, 9, 12])].map { [$0.count, $0.trials] } == [[0, 1]])
        // 28 days after the 12-month day (15 January 2013) is the last counted; 29 is not near.
        #expect([representation(back: "2013-02-12", instalments: [3, 6, 9, 12])].map { [$0.count, $0.trials] } == [[1, 1]])
        #expect([representation(back: "2013-02-13", instalments: [3, 6, 9, 12])].map { [$0.count, $0.trials] } == [[0, 0]])
    }

    @Test func withOnlyTheWindowWatchedAReturnNearTheFirstInstalmentIsNotNear() {
        #expect([representation(back: "2012-04-20", instalments: [12])].map { [$0.count, $0.trials] } == [[0, 0]])
    }

    /// Started on 10 January 2012 with a start TOP, reviewed on `review`, discharged on `end` (an exit TOP
    /// that day); a review falls due 3 months after the last TOP.
    func discharge(on end: String, review: String = "2012-03-01", reason: DischargeReason = .droppedOut) -> AreaTallies.Tally {
        var history = ClientHistory(clientID: ClientID("C1"))
        history.add(.episode(Episode(recordID: RecordID("E1"), clientID: ClientID("C1"), providerID: ProviderID("P01"), startOn: Day(iso: "2012-01-10")!,
                                     endOn: Day(iso: end)!, dischargeReason: reason, substances: [.opiates])))
        for (id, on, stage) in [("T1", "2012-01-10", TopStage.start), ("T2", review, .review), ("T3", end, .exit)] {
            history.add(.top(TopReview(recordID: RecordID(id), clientID: ClientID("C1"), episodeID: RecordID("E1"), on: Day(iso: on)!, stage: stage, values: TopValues())))
        }
        let tallies = AreaTallies([history], first: StatementPeriod("2011-01")!, last: StatementPeriod("2013-06")!, asOf: Day(iso: "2013-06-30")!,
                                  reviewsDueEvery: .months(3))
        return tallies.tally(AreaTallies.Key(.dischargesJustBeforeReview, provider: ProviderID("P01")), StatementPeriod(containing: Day(iso: end)!))
    }

    @Test func aDischargeInTheFourWeeksBeforeAReviewFallsDueCountsAsJustBeforeIt() {
        // The review of 1 March makes the next due on 1 June (the exit TOP on the day of discharge is not a review).
        #expect([discharge(on: "2012-05-31"), discharge(on: "2012-05-04")].map { [$0.count, $0.trials] } == [[1, 1], [1, 1]])
        // 29 days before it is not near.
        #expect([discharge(on: "2012-05-03")].map { [$0.count, $0.trials] } == [[0, 0]])
        // On the due day and up to 27 days after it: near, not before.
        #expect([discharge(on: "2012-06-01"), discharge(on: "2012-06-28")].map { [$0.count, $0.trials] } == [[0, 1], [0, 1]])
        #expect([discharge(on: "2012-06-29")].map { [$0.count, $0.trials] } == [[0, 0]])
    }

    @Test func theReviewDueDayClampsToTheMonthsEndAndADeathIsNotTimed() {
        // Reviewed on 30 November 2012: due on 28 February 2013, so the 27th is the day before it.
        #expect([discharge(on: "2013-02-27", review: "2012-11-30")].map { [$0.count, $0.trials] } == [[1, 1]])
        #expect([discharge(on: "2013-02-28", review: "2012-11-30")].map { [$0.count, $0.trials] } == [[0, 1]])
        #expect([discharge(on: "2012-05-31", reason: .died)].map { [$0.count, $0.trials] } == [[0, 0]])
    }

    @Test func aMeasureIsNamedInTheJSONInSnakeCaseWithItsNumbersApart() {
        #expect([AreaTallies.Measure.startsInBands4And5, .dischargesJustBeforeReview, .starts].map(\.id)
                == ["starts_in_bands_4_and_5", "discharges_just_before_review", "starts"])
    }
}
