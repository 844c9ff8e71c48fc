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
}
