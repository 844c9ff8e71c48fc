import PbRCore
import PbRTestSupport
import Testing

/// A pending line is written as 0.00; it carries what it will pay when it falls due.
@Suite("Pending lines")
struct PendingAmountTests {
    let contract: Contract
    init() { contract = ReferenceFramework.contract() }

    /// Completes drug free on 2013-01-31: instalments due 2013-04-30, 07-31, 10-31 and 2014-01-31.
    func completer(band: Int) -> ClientBuilder {
        var client = ClientBuilder("C1")
        client.episode("P01", start: "2012-06-01", end: "2013-01-31", reason: .completedDrugFree)
        client.assess("2012-05-01", band: band)
        return client
    }

    @Test func aPendingInstalmentIsWrittenAsZeroButCarriesItsShareOfThePrice() {
        // Band 2: 1300.00, a quarter is 325.00; as of 2013-05-31 only the first instalment is due.
        let lines = entitlements(contract, [completer(band: 2)], asOf: "2013-05-31").lines("D1-completed")
        #expect(lines.map { "\($0.amount) \($0.status.rawValue)" }
                == ["325.00 payable", "0.00 pending", "0.00 pending", "0.00 pending"])
        #expect(lines.map(\.pendingAmount.description) == ["0.00", "325.00", "325.00", "325.00"])
    }

    @Test func theLastPendingInstalmentCarriesTheRemainder() {
        var odd = contract
        odd.outcomes[2].prices[Band(1)!] = Money("1000.03")
        // 1000.03 × 25% = 250.0075, rounded down to 250.00; the last takes 1000.03 - 750.00 = 250.03.
        let lines = entitlements(odd, [completer(band: 1)], asOf: "2013-02-01").lines("D1-completed")
        #expect(lines.map(\.status) == [.pending, .pending, .pending, .pending])
        #expect(lines.map(\.pendingAmount.description) == ["250.00", "250.00", "250.00", "250.03"])
    }

    @Test func aResultWaitingForPoliceDataCarriesItsBandsPrice() {
        var client = ClientBuilder("C1")
        client.episode("P01", start: "2012-06-01", source: .criminalJustice)
        client.assess("2012-05-01", band: 3)
        // The 6-month window ends 2012-12-01; the police data is awaited until 2013-10-01. Band 3: 300.00.
        let line = entitlements(contract, [client], asOf: "2013-05-31").lines("D3-no-offending-6m").first
        #expect(line?.status == .pending)
        #expect(line?.amount == .zero)
        #expect(line?.pendingAmount == Money("300.00"))
    }
}
