import PbRCore
import PbRImport
import PbRTestSupport
import Testing

@Suite("Entitlements and exceptions files")
struct OutputFilesTests {
    @Test func aPendingLineIsWrittenAsZeroWhateverItWillPay() {
        let line = Entitlement(
            providerID: ProviderID("P01"), earnedBy: ProviderID("P01"), clientID: ClientID("A001"),
            outcomeID: OutcomeID("D1-completed"), part: 2, band: Band(4)!, achievedOn: day("2013-05-31"),
            dueOn: day("2013-11-30"), earnsOn: day("2013-11-30"), amount: .zero, status: .pending,
            reason: "instalment not yet due", pendingAmount: Money("500.00"))
        #expect(EntitlementsCSV.render([line]) == """
            provider_id,earned_by,client_id,outcome_id,part,band,achieved_on,due_on,amount,status,reason
            P01,P01,A001,D1-completed,2,4,2013-05-31,2013-11-30,0.00,pending,instalment not yet due

            """)
    }
}
