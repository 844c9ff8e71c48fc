import PbRCore
import PbRTestSupport
import Testing

/// The rules around the kinds: bands, death, the contract's period, several journeys, caps, primes.
@Suite("Payment engine")
struct EngineTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    func worker(_ id: String = "C1", start: String = "2012-06-01", work: String = "2012-09-01") -> ClientBuilder {
        var client = ClientBuilder(id)
        client.episode("P01", start: start)
        client.event(work, .workActivity)
        return client
    }

    @Test func theBandInForceOnTheAchievementDaySetsThePrice() {
        var client = worker()
        client.assess("2012-05-01", band: 1, id: "a1")
        client.assess("2012-09-01", band: 5, id: "a2")
        #expect(entitlements(contract, [client], asOf: "2013-01-01").amounts("D2-work-activity") == ["250.00 payable"])
        client.history.assessments[1].assessedOn = day("2012-09-02")
        #expect(entitlements(contract, [client], asOf: "2013-01-01").amounts("D2-work-activity") == ["150.00 payable"])
    }

    @Test func twoAssessmentsOnOneDayTheLargerRecordIdHolds() {
        var client = worker()
        client.assess("2012-05-01", band: 5, id: "9")
        client.assess("2012-05-01", band: 1, id: "10")
        #expect(entitlements(contract, [client], asOf: "2013-01-01").lines("D2-work-activity").first?.band == Band(1))
    }

    @Test func withNoBandInForceTheOutcomeIsAnExceptionAndNoLaterJourneyTakesItsPlace() {
        var client = worker()
        client.history.episodes[0].endOn = day("2012-10-01")
        client.history.episodes[0].dischargeReason = .droppedOut
        client.episode("P02", start: "2013-06-01")
        client.event("2013-07-01", .workActivity)
        client.assess("2013-01-01", band: 2)
        let report = entitlements(contract, [client], asOf: "2014-01-01")
        #expect(report.lines("D2-work-activity").isEmpty)
        #expect(report.exceptions.map(\.outcomeID.rawValue) == ["D2-work-activity"])
        #expect(report.exceptions.first?.reason == "no assessment in force on 2012-09-01")
    }

    @Test func nothingIsAchievedAfterDeathButTheDayOfDeathStands() {
        var onTheDay = worker()
        onTheDay.assess("2012-05-01", band: 2)
        onTheDay.event("2012-09-01", .died)
        #expect(entitlements(contract, [onTheDay], asOf: "2013-01-01").lines("D2-work-activity").count == 1)
        var before = worker()
        before.assess("2012-05-01", band: 2)
        before.event("2012-08-31", .died)
        #expect(entitlements(contract, [before], asOf: "2013-01-01").lines("D2-work-activity").isEmpty)
    }

    @Test func aJourneyStartingBeforeTheContractEarnsNothingAndDoesNotBlockALaterOne() {
        var client = worker(start: "2012-03-01", work: "2012-05-01")
        client.assess("2012-01-01", band: 2)
        client.history.episodes[0].endOn = day("2012-06-01")
        client.history.episodes[0].dischargeReason = .droppedOut
        #expect(entitlements(contract, [client], asOf: "2013-01-01").lines.isEmpty)
        client.episode("P02", start: "2012-09-01")
        client.event("2012-10-01", .workActivity)
        let line = entitlements(contract, [client], asOf: "2013-01-01").lines("D2-work-activity").first
        #expect(line?.achievedOn == day("2012-10-01"))
        #expect(line?.earnedBy == ProviderID("P02"))
    }

    @Test func anOutcomeAchievedAfterOutcomesUntilIsNotWritten() {
        var client = worker(start: "2016-01-01", work: "2016-04-01")
        client.assess("2015-12-01", band: 2)
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines.isEmpty)
        client.event("2016-03-31", .workActivity)
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines("D2-work-activity").count == 1)
    }

    @Test func theEarliestJourneyToAchieveAnOutcomeIsPaidOnce() {
        var client = worker()
        client.assess("2012-05-01", band: 2)
        client.history.episodes[0].endOn = day("2012-10-01")
        client.history.episodes[0].dischargeReason = .droppedOut
        client.episode("P02", start: "2013-06-01")
        client.event("2013-07-01", .workActivity)
        let lines = entitlements(contract, [client], asOf: "2014-01-01").lines("D2-work-activity")
        #expect(lines.count == 1)
        #expect(lines.first?.achievedOn == day("2012-09-01"))
    }

    @Test func aCapCutsTheLineThatCrossesItAndZeroesTheRest() {
        var capped = contract
        capped.caps = [Cap(outcome: OutcomeID("D2-work-activity"), perYear: Money("350.00"))]
        var clients: [ClientBuilder] = []
        for (id, work) in [("C1", "2012-09-01"), ("C2", "2012-09-02"), ("C3", "2012-09-02"), ("C4", "2013-04-01")] {
            var client = worker(id, work: work)
            client.assess("2012-05-01", band: 3)
            clients.append(client)
        }
        let report = entitlements(capped, clients, asOf: "2014-01-01")
        #expect(report.amounts("D2-work-activity") == ["200.00 payable", "150.00 capped", "0.00 capped", "200.00 payable"])
        #expect(report.lines("D2-work-activity", client: "C3").first?.reason.hasPrefix("cap reached") == true)
    }

    @Test func aCapOnAllOutcomesCountsEveryOutcome() {
        var capped = contract
        capped.caps = [Cap(outcome: nil, perYear: Money("250.00"))]
        var client = worker()
        client.assess("2012-05-01", band: 3)
        client.event("2012-10-01", .hepbCourseComplete)
        client.top(client.history.episodes[0].recordID, "2012-06-01", .start, [.injectedDays: 3])
        let report = entitlements(capped, [client], asOf: "2014-01-01")
        #expect(report.amounts("D2-work-activity") == ["200.00 payable"])
        #expect(report.amounts("D4-hepb-course") == ["50.00 capped"])
    }

    @Test func underAPrimeProviderEveryLineIsPaidToThePrimeAndNamesTheSubcontractor() {
        var prime = contract
        prime.primeProvider = ProviderID("PRIME")
        var client = worker()
        client.assess("2012-05-01", band: 2)
        let line = entitlements(prime, [client], asOf: "2013-01-01").lines("D2-work-activity").first
        #expect(line?.providerID == ProviderID("PRIME"))
        #expect(line?.earnedBy == ProviderID("P01"))
    }

    @Test func linesAreSortedByProviderClientOutcomeAndPart() {
        var a = worker("B2")
        a.assess("2012-05-01", band: 2)
        var b = worker("A1")
        b.assess("2012-05-01", band: 2)
        b.history.episodes[0].endOn = day("2012-10-01")
        b.history.episodes[0].dischargeReason = .completedDrugFree
        let lines = entitlements(contract, [a, b], asOf: "2014-01-01").lines
        #expect(lines.map { "\($0.clientID) \($0.outcomeID) \($0.part)" } == [
            "A1 D1-completed 1", "A1 D1-completed 2", "A1 D1-completed 3", "A1 D1-completed 4", "A1 D2-work-activity 1",
            "B2 D2-work-activity 1",
        ])
    }
}

@Suite("Summary")
struct EntitlementSummaryTests {
    func line(_ provider: String, _ outcome: String, _ amount: String, _ status: Entitlement.Status,
              pending: String = "0.00") -> Entitlement {
        Entitlement(providerID: ProviderID(provider), earnedBy: ProviderID(provider), clientID: ClientID("C"),
                    outcomeID: OutcomeID(outcome), part: 1, band: Band(1)!, achievedOn: day("2013-01-01"),
                    dueOn: day("2013-01-01"), earnsOn: day("2013-01-01"), amount: Money(amount), status: status, reason: "",
                    pendingAmount: Money(pending))
    }

    @Test func totalsByProviderAndOutcomeWhateverTheOrderOfLines() {
        let lines = [line("P2", "D2", "150.00", .payable), line("P1", "D2", "200.00", .payable),
                     line("P2", "D2", "0.00", .pending), line("P1", "D1", "50.00", .capped), line("P2", "D2", "150.00", .payable)]
        let summary = EntitlementSummary(lines)
        #expect(summary.rows.map { row in
            let t = row.totals
            return "\(row.providerID) \(row.outcomeID) \(t.payableLines) \(t.payable) \(t.pendingLines) \(t.capped)"
        } == ["P1 D1 0 0.00 0 50.00", "P1 D2 1 200.00 0 0.00", "P2 D2 2 300.00 1 0.00"])
        #expect(summary.totalPayable == Money("550.00"))
    }

    @Test func pendingLinesAddWhatTheyWillPayByProviderAndOutcome() {
        let lines = [line("P1", "D1", "0.00", .pending, pending: "325.00"), line("P1", "D1", "0.00", .pending, pending: "325.03"),
                     line("P1", "D2", "200.00", .payable), line("P2", "D1", "0.00", .pending, pending: "500.00")]
        let summary = EntitlementSummary(lines)
        #expect(summary.rows.map { "\($0.providerID) \($0.outcomeID) \($0.totals.pendingLines) \($0.totals.pendingValue)" }
                == ["P1 D1 2 650.03", "P1 D2 0 0.00", "P2 D1 1 500.00"])
        #expect(summary.total(of: ProviderID("P1")).pendingValue == Money("650.03"))
        #expect(summary.total(of: ProviderID("P1")).owed == Money("200.00"))
        #expect(summary.total.pendingValue == Money("1150.03"))
        #expect(summary.totalPayable == Money("200.00"))
    }
}
