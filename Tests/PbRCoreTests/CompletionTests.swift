import PbRCore
import PbRTestSupport
import Testing

/// D1-completed: 4 instalments of 25% at 3, 6, 9 and 12 months after the journey's end.
@Suite("completion")
struct CompletionTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    /// Band 2 (1300.00), completes drug free on 2013-01-31.
    func completer(substances: [Substance] = [.opiates], reason: DischargeReason = .completedDrugFree) -> ClientBuilder {
        var client = ClientBuilder("C4")
        client.assess("2012-06-11", band: 2)
        client.episode("P02", start: "2012-06-18", end: "2013-01-31", reason: reason, substances: substances)
        return client
    }

    @Test func instalmentsFallDueAtMonthEndsClampedAndPayAQuarterEach() {
        let report = entitlements(contract, [completer()], asOf: "2014-06-30")
        let lines = report.lines("D1-completed")
        #expect(lines.map(\.dueOn) == [day("2013-04-30"), day("2013-07-31"), day("2013-10-31"), day("2014-01-31")])
        #expect(lines.map(\.amount) == Array(repeating: Money("325.00"), count: 4))
        #expect(lines.allSatisfy { $0.achievedOn == day("2013-01-31") && $0.status == .payable })
    }

    @Test func instalmentsNotYetDueArePending() {
        let report = entitlements(contract, [completer()], asOf: "2013-08-01")
        #expect(report.amounts("D1-completed") == ["325.00 payable", "325.00 payable", "0.00 pending", "0.00 pending"])
    }

    @Test func aReturnToTreatmentFailsTheInstalmentsNotYetDue() {
        var client = completer()
        client.episode("P02", start: "2013-06-24")
        let report = entitlements(contract, [client], asOf: "2016-12-31")
        #expect(report.amounts("D1-completed") == ["325.00 payable"])
    }

    @Test func aReturnOnAnInstalmentsDueDayFailsThatInstalment() {
        var client = completer()
        client.episode("P01", start: "2013-07-31")
        #expect(entitlements(contract, [client], asOf: "2016-12-31").amounts("D1-completed") == ["325.00 payable"])
    }

    @Test func clawbackTakesBackInstalmentsAlreadyDue() throws {
        var clawback = contract
        guard case .completion(var rule) = clawback.outcomes[2].kind else { Issue.record("D1-completed moved"); return }
        rule.onFailure = .clawback
        clawback.outcomes[2].kind = .completion(rule)
        var client = completer()
        client.episode("P02", start: "2013-06-24")
        #expect(entitlements(clawback, [client], asOf: "2016-12-31").lines("D1-completed").isEmpty)
        #expect(entitlements(clawback, [client], asOf: "2013-06-01").amounts("D1-completed").first == "325.00 payable")
    }

    @Test func aDeathOnTheEndDayFailsEveryInstalment() {
        var client = completer()
        client.event("2013-01-31", .died)
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines("D1-completed").isEmpty)
    }

    @Test func aDeathAfterTheSecondInstalmentKeepsTheFirstTwo() {
        var client = completer()
        client.event("2013-09-01", .died)
        #expect(entitlements(contract, [client], asOf: "2016-12-31").amounts("D1-completed") == ["325.00 payable", "325.00 payable"])
    }

    @Test func anOccasionalUserCompletionCountsOnlyWithoutOpiatesOrCrack() {
        let cannabis = completer(substances: [.cannabis], reason: .completedOccasionalUser)
        #expect(entitlements(contract, [cannabis], asOf: "2016-12-31").lines("D1-completed").count == 4)
        let crack = completer(substances: [.cannabis, .crack], reason: .completedOccasionalUser)
        #expect(entitlements(contract, [crack], asOf: "2016-12-31").lines("D1-completed").isEmpty)
    }

    @Test func instalmentsDueAfterOutcomesUntilEarnNothing() {
        var client = ClientBuilder("C5")
        client.assess("2014-06-01", band: 1)
        client.episode("P01", start: "2014-06-02", end: "2015-08-15", reason: .completedDrugFree)
        let lines = entitlements(contract, [client], asOf: "2016-12-31").lines("D1-completed")
        #expect(lines.map(\.dueOn) == [day("2015-11-15"), day("2016-02-15")])
        #expect(lines.map(\.amount) == [Money("250.00"), Money("250.00")])
    }

    @Test func theOddPennyGoesToTheLastInstalment() {
        var odd = contract
        odd.outcomes[2].prices[Band(2)!] = Money("1300.03")
        let lines = entitlements(odd, [completer()], asOf: "2016-12-31").lines("D1-completed")
        #expect(lines.map(\.amount) == [Money("325.00"), Money("325.00"), Money("325.00"), Money("325.03")])
    }
}
