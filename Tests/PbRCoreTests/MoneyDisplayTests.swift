import PbRCore
import Testing

@Suite("Amounts and counts for people")
struct MoneyDisplayTests {
    @Test func amountsForPeopleHaveAPoundSignThousandsSeparatorsAndTwoDecimals() {
        #expect(Money(pence: 2_346_390_000).sterling == "£23,463,900.00")
        #expect(Money(pence: 100_000).sterling == "£1,000.00")
        #expect(Money(pence: 99_999).sterling == "£999.99")
        #expect(Money(pence: 5).sterling == "£0.05")
        #expect(Money.zero.sterling == "£0.00")
    }

    @Test func aNegativeAmountPutsTheSignBeforeThePoundSign() {
        #expect(Money(pence: -123_450).sterling == "-£1,234.50")
        #expect(Money(pence: -5).sterling == "-£0.05")
    }

    @Test func theLargestAmountsAreWrittenExactly() {
        // 9,223,372,036,854,775,807 pence; the most negative has one penny more and no positive twin.
        #expect(Money(pence: .max).sterling == "£92,233,720,368,547,758.07")
        #expect(Money(pence: .min).sterling == "-£92,233,720,368,547,758.08")
    }

    @Test func amountsInFilesKeepNoSeparators() {
        #expect(Money(pence: 2_346_390_000).description == "23463900.00")
        #expect(Money(pence: -123_450).description == "-1234.50")
    }

    @Test func countsSayWhatTheyCountWithThousandsSeparators() {
        #expect(3_000.counted("client") == "3,000 clients")
        #expect(41.counted("payable line") == "41 payable lines")
        #expect(1.counted("exception") == "1 exception")
        #expect(0.counted("exception") == "0 exceptions")
        #expect(2.counted("analysis", plural: "analyses") == "2 analyses")
        #expect(941_505.grouped == "941,505")
        #expect(1_000_000.grouped == "1,000,000")
        #expect(999.grouped == "999")
        #expect((-1_234).grouped == "-1,234")
    }
}
