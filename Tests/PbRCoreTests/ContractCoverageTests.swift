import PbRCore
import PbRTestSupport
import Testing

/// Which journeys a contract covers: its own providers' episodes, and (when it says so) clients already
/// in treatment on its start day, their clocks starting on that day.
@Suite("Contract coverage")
struct ContractCoverageTests {
    let reference: Contract
    init() { reference = ReferenceFramework.contract() }

    /// Referred by criminal justice (so eligible for D3), in treatment since 2012-01-10, still open.
    func inTreatment() -> ClientBuilder {
        var client = ClientBuilder("C1")
        client.assess("2012-01-05", band: 3)
        client.episode("P01", start: "2012-01-10", source: .criminalJustice)
        return client
    }

    @Test func aClientAlreadyInTreatmentCountsFromTheContractsStartWhenTheContractTakesThemIn() {
        var contract = reference
        #expect(entitlements(contract, [inTreatment()], asOf: "2013-12-31").lines.isEmpty)
        contract.takesClientsInTreatment = true
        let report = entitlements(contract, [inTreatment()], asOf: "2013-12-31")
        // The six months of no offending run from the contract's start, 2012-04-01, not from 2012-01-10:
        // achieved 2012-10-01, due after the 10-month data lag on 2013-08-01 (the window's last day + lag).
        let line = report.lines("D3-no-offending-6m").first
        #expect(line?.achievedOn == day("2012-10-01"))
        #expect(line?.amount == Money(pounds: "300.00"))
    }

    @Test func aJourneyThatEndedBeforeTheStartIsNotTakenIn() {
        var contract = reference
        contract.takesClientsInTreatment = true
        var client = ClientBuilder("C2")
        client.assess("2012-01-05", band: 3)
        client.episode("P01", start: "2012-01-10", end: "2012-03-20", reason: .completedDrugFree, source: .criminalJustice)
        #expect(entitlements(contract, [client], asOf: "2014-12-31").lines.isEmpty)
    }

    @Test func aContractWithProvidersCoversOnlyTheirEpisodes() {
        var contract = reference
        contract.providers = [ProviderID("P02")]
        var client = ClientBuilder("C3")
        client.assess("2012-05-01", band: 3)
        client.episode("P01", start: "2012-06-01")
        client.event("2012-09-01", .workActivity)
        #expect(entitlements(contract, [client], asOf: "2013-12-31").lines.isEmpty)
        contract.providers = [ProviderID("P01")]
        #expect(entitlements(contract, [client], asOf: "2013-12-31").amounts("D2-work-activity") == ["200.00 payable"])
    }
}
