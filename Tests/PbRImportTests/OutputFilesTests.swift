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

    func exception(_ provider: String, _ client: String, _ outcome: String, _ part: Int, earnedBy: String? = nil,
                   _ lowest: String, _ highest: String) -> EntitlementException {
        EntitlementException(providerID: ProviderID(provider), earnedBy: ProviderID(earnedBy ?? provider),
                             clientID: ClientID(client), outcomeID: OutcomeID(outcome), part: part,
                             achievedOn: day("2013-01-31"), lowestAmount: Money(lowest), highestAmount: Money(highest),
                             reason: "no assessment in force on 2013-01-31")
    }

    @Test func theExceptionsFileNamesTheProviderAndTheAmountAtStakeSortedByProviderClientOutcomeAndPart() {
        let exceptions = [
            exception("P02", "A1", "D2-work-activity", 1, "150.00", "250.00"),
            exception("P01", "B7", "D1-completed", 2, earnedBy: "S3", "250.00", "600.00"),
            exception("P01", "B7", "D1-completed", 1, earnedBy: "S3", "250.00", "600.00"),
            exception("P01", "A9", "D4-hepb-course", 1, "100.00", "100.00"),
        ]
        #expect(ExceptionsCSV.render(exceptions) == """
            provider_id,earned_by,client_id,outcome_id,part,achieved_on,lowest_amount,highest_amount,reason
            P01,P01,A9,D4-hepb-course,1,2013-01-31,100.00,100.00,no assessment in force on 2013-01-31
            P01,S3,B7,D1-completed,1,2013-01-31,250.00,600.00,no assessment in force on 2013-01-31
            P01,S3,B7,D1-completed,2,2013-01-31,250.00,600.00,no assessment in force on 2013-01-31
            P02,P02,A1,D2-work-activity,1,2013-01-31,150.00,250.00,no assessment in force on 2013-01-31

            """)
    }
}
