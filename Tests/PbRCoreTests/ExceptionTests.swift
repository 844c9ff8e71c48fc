import PbRCore
import PbRTestSupport
import Testing

/// An outcome achieved with no band in force: what the exceptions file says of it.
@Suite("Exceptions")
struct ExceptionTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    /// Never assessed; one journey at P01 then P02 (9 days apart), completed drug free on 2013-01-31.
    func unassessedCompleter(_ id: String = "C1") -> ClientBuilder {
        var client = ClientBuilder(id)
        client.episode("P01", start: "2012-06-01", end: "2012-09-01", reason: .transferredNotInCustody)
        client.episode("P02", start: "2012-09-10", end: "2013-01-31", reason: .completedDrugFree)
        return client
    }

    func row(_ item: EntitlementException) -> String {
        "\(item.providerID) \(item.earnedBy) \(item.clientID) \(item.outcomeID) \(item.part) \(item.lowestAmount) \(item.highestAmount)"
    }

    @Test func eachPartIsAnExceptionOfTheProviderItsLineWouldBePaidToWithItsLowestAndHighestBandPrice() {
        // Completion goes to the journey's last episode (P02). A quarter of 1000.00 .. 2400.00 (bands 1..5).
        let report = entitlements(contract, [unassessedCompleter()], asOf: "2014-06-01")
        #expect(report.lines.isEmpty)
        #expect(report.exceptions.map(row) == [
            "P02 P02 C1 D1-completed 1 250.00 600.00", "P02 P02 C1 D1-completed 2 250.00 600.00",
            "P02 P02 C1 D1-completed 3 250.00 600.00", "P02 P02 C1 D1-completed 4 250.00 600.00",
        ])
        #expect(report.exceptions.first?.reason == "no assessment in force on 2013-01-31")
    }

    @Test func underAPrimeProviderAnExceptionNamesThePrimeAndTheSubcontractor() {
        var prime = contract
        prime.primeProvider = ProviderID("PRIME")
        let report = entitlements(prime, [unassessedCompleter()], asOf: "2014-06-01")
        #expect(report.exceptions.map { "\($0.providerID) \($0.earnedBy)" } == Array(repeating: "PRIME P02", count: 4))
    }

    @Test func aFailedPartIsNoExceptionAndAPendingOneSaysItWaits() {
        var client = unassessedCompleter()
        // Back in treatment on 2013-06-24: the instalments due from 2013-07-31 on fail; the first stands.
        client.episode("P01", start: "2013-06-24")
        #expect(entitlements(contract, [client], asOf: "2014-06-01").exceptions.map(\.part) == [1])
        // As of 2013-03-31 nothing is due yet: every part waits.
        let waiting = entitlements(contract, [unassessedCompleter()], asOf: "2013-03-31").exceptions
        #expect(waiting.map(\.part) == [1, 2, 3, 4])
        #expect(waiting.first?.reason == "no assessment in force on 2013-01-31; pending: instalment not yet due")
    }

    @Test func exceptionsComeSortedByProviderClientOutcomeAndPart() {
        func worker(_ id: String, _ provider: String) -> ClientBuilder {
            var client = ClientBuilder(id)
            client.episode(provider, start: "2012-06-01")
            client.event("2012-09-01", .workActivity)
            return client
        }
        var completer = unassessedCompleter("A2")
        completer.event("2012-07-01", .workActivity)  // at P01, open on the day
        let report = entitlements(contract, [worker("Z9", "P01"), worker("A1", "P02"), completer], asOf: "2014-06-01")
        #expect(report.exceptions.map { "\($0.providerID) \($0.clientID) \($0.outcomeID) \($0.part)" } == [
            "P01 A2 D2-work-activity 1", "P01 Z9 D2-work-activity 1",
            "P02 A1 D2-work-activity 1",
            "P02 A2 D1-completed 1", "P02 A2 D1-completed 2", "P02 A2 D1-completed 3", "P02 A2 D1-completed 4",
        ])
    }
}
