import PbRCore
import Testing

/// Who may see what: the rules every route and use case of the web application ask.
@Suite("Viewer: who may see what")
struct ViewerTests {
    let p01 = Viewer(name: "p", role: .provider, providerID: ProviderID("P01"))

    func line(payee: String, earnedBy: String? = nil, client: String = "A001", period: String = "2013-01", pence: Int64 = 100) -> StatementLine {
        StatementLine(statementID: "c/\(period)/\(payee)", line: 1, period: StatementPeriod(period)!, providerID: ProviderID(payee),
                      earnedBy: earnedBy.map(ProviderID.init), clientID: ClientID(client), component: .outcome, outcomeID: OutcomeID("D2"),
                      part: 1, band: Band(2), kind: .new, amount: Money(pence: pence), reason: "achieved")
    }

    @Test func aProviderSeesItsOwnStatementsWholeAndAPrimesOnlyForTheLinesItEarned() {
        #expect(p01.share(of: ProviderID("P01"), contract: "c") == .whole)
        #expect(p01.share(of: ProviderID("PRIME"), contract: "c") == .earnedBy(ProviderID("P01")))
        #expect(Viewer(name: "a", role: .auditor).share(of: ProviderID("P02"), contract: "c") == .whole)
        #expect(Viewer(name: "s", role: .assessor).share(of: ProviderID("P02"), contract: "c") == StatementShare.none)
    }

    @Test func aProviderSeesAClientItTreatedWasPaidForOrEarnedFor() {
        #expect(p01.maySee(clientTreatedBy: [ProviderID("P01")], lines: [], contract: "c"))
        #expect(p01.maySee(clientTreatedBy: [ProviderID("P09")], lines: [line(payee: "P01")], contract: "c"))
        #expect(p01.maySee(clientTreatedBy: [ProviderID("P09")], lines: [line(payee: "PRIME", earnedBy: "P01")], contract: "c"))
        #expect(!p01.maySee(clientTreatedBy: [ProviderID("P02")], lines: [line(payee: "P02")], contract: "c"))
    }

    @Test func aProviderUserWithNoProviderSeesNothing() {
        let orphan = Viewer(name: "x", role: .provider)
        #expect(orphan.share(of: ProviderID("P01"), contract: "c") == StatementShare.none)
        #expect(!orphan.maySee(clientTreatedBy: [ProviderID("P01")], lines: [line(payee: "P01")], contract: "c"))
        #expect(orphan.visible([line(payee: "P01")]).isEmpty)
    }

    @Test func aCommissionerReadsOnlyItsContracts() {
        let commissioner = Viewer(name: "c", role: .commissioner, contractIDs: ["kent"])
        #expect(commissioner.mayRead(contract: "kent") && !commissioner.mayRead(contract: "national-pilot"))
        #expect(!commissioner.maySee(clientTreatedBy: [], lines: [], contract: "national-pilot"))
    }

    @Test func paymentsToDateSumEveryWayAndKeepEmptyMonths() {
        let payments = PaymentsToDate([line(payee: "P01", pence: 100), line(payee: "P02", client: "A002", period: "2013-03", pence: -40),
                                       line(payee: "P01", client: "A003", period: "2013-03", pence: 250)])
        #expect(payments.byPayee.map(\.key) == ["P01", "P02"] && payments.byPayee.map(\.amount) == [Money(pence: 350), Money(pence: -40)])
        #expect(payments.byBand.map(\.key) == ["band 2"] && payments.byBand[0].lines == 3)
        #expect(payments.byMonth.map(\.period.description) == ["2013-01", "2013-02", "2013-03"])
        #expect(payments.byMonth.map(\.amount) == [Money(pence: 100), .zero, Money(pence: 210)])
        #expect(payments.total == Money(pence: 310))
    }
}
