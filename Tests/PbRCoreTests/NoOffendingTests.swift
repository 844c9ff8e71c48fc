import PbRCore
import PbRTestSupport
import Testing

/// D3-no-offending-6m and -12m: clock resets, the 10-month data lag, eligibility.
@Suite("no_offending")
struct NoOffendingTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    /// Band 3 (6m 300.00, 12m 600.00), in treatment from 2012-04-30, burglary 2011-12-01.
    func offender() -> ClientBuilder {
        var client = ClientBuilder("A003")
        client.assess("2012-04-20", band: 3)
        client.episode("P01", start: "2012-04-30")
        client.offence("2011-12-01")
        return client
    }

    @Test func withoutOffencesTheWindowsEndSixAndTwelveMonthsAfterTheStart() {
        let report = entitlements(contract, [offender()], asOf: "2014-12-31")
        let six = report.lines("D3-no-offending-6m").first, twelve = report.lines("D3-no-offending-12m").first
        #expect(six?.achievedOn == day("2012-10-30"))
        #expect(six?.dueOn == day("2013-08-30"))
        #expect(six?.amount == Money("300.00"))
        #expect(twelve?.achievedOn == day("2013-04-30"))
        #expect(twelve?.dueOn == day("2014-02-28"))
        #expect(twelve?.amount == Money("600.00"))
    }

    @Test func anOffenceInTheWindowResetsTheClockToItsDay() {
        var client = offender()
        client.offence("2012-09-14")
        let report = entitlements(contract, [client], asOf: "2016-12-31")
        #expect(report.lines("D3-no-offending-6m").first?.achievedOn == day("2013-03-14"))
        #expect(report.lines("D3-no-offending-6m").first?.dueOn == day("2014-01-14"))
        #expect(report.lines("D3-no-offending-12m").first?.achievedOn == day("2013-09-14"))
        #expect(report.lines("D3-no-offending-12m").first?.dueOn == day("2014-07-14"))
    }

    @Test func anOffenceOnTheLastDayOfTheWindowResetsIt() {
        var client = offender()
        client.offence("2012-10-30")
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines("D3-no-offending-6m").first?.achievedOn == day("2013-04-30"))
    }

    @Test func theResultWaitsTenMonthsForPoliceData() {
        let waiting = entitlements(contract, [offender()], asOf: "2013-08-29")
        #expect(waiting.amounts("D3-no-offending-6m") == ["0.00 pending"])
        #expect(waiting.lines("D3-no-offending-6m").first?.reason == "waiting for police data until 2013-08-30")
        #expect(entitlements(contract, [offender()], asOf: "2013-08-30").amounts("D3-no-offending-6m") == ["300.00 payable"])
    }

    @Test func aWindowStillRunningWritesNoLine() {
        let report = entitlements(contract, [offender()], asOf: "2012-10-29")
        #expect(report.lines("D3-no-offending-6m").isEmpty)
        #expect(entitlements(contract, [offender()], asOf: "2012-10-30").amounts("D3-no-offending-6m") == ["0.00 pending"])
    }

    @Test func anOffenceOnTheStartDayNeitherQualifiesNorResets() {
        var client = ClientBuilder("C6")
        client.assess("2012-04-20", band: 3)
        client.episode("P01", start: "2012-04-30")
        client.offence("2012-04-30")
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines("D3-no-offending-6m").isEmpty)
        client.offence("2011-04-30")
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines("D3-no-offending-6m").isEmpty)
        client.offence("2011-05-01")
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines("D3-no-offending-6m").first?.achievedOn == day("2012-10-30"))
    }

    @Test func aCriminalJusticeReferralIsEligibleWithoutAPriorOffence() {
        var client = ClientBuilder("C7")
        client.assess("2012-04-20", band: 1)
        client.episode("P01", start: "2012-04-30", source: .criminalJustice)
        #expect(entitlements(contract, [client], asOf: "2016-12-31").amounts("D3-no-offending-6m") == ["200.00 payable"])
    }

    @Test func aContractCountingOnlyTriggerOffencesIgnoresOthers() {
        var triggerOnly = contract
        for index in triggerOnly.outcomes.indices {
            if case .noOffending(var rule) = triggerOnly.outcomes[index].kind {
                rule.counted = .trigger
                triggerOnly.outcomes[index].kind = .noOffending(rule)
            }
        }
        var client = offender()
        client.offence("2012-09-14", trigger: false)
        #expect(entitlements(triggerOnly, [client], asOf: "2016-12-31").lines("D3-no-offending-6m").first?.achievedOn == day("2012-10-30"))
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines("D3-no-offending-6m").first?.achievedOn == day("2013-03-14"))
    }

    @Test func theProviderOpenOnTheWindowsLastDayEarnsIt() {
        var client = offender()
        client.history.episodes[0].endOn = day("2012-08-01")
        client.history.episodes[0].dischargeReason = .transferredNotInCustody
        client.episode("P09", start: "2012-08-10")
        #expect(entitlements(contract, [client], asOf: "2016-12-31").lines("D3-no-offending-6m").first?.earnedBy == ProviderID("P09"))
    }
}
