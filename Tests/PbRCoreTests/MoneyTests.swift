import PbRCore
import PbRTestSupport
import Testing

@Suite("Money")
struct MoneyTests {
    @Test func poundsAreReadAndWrittenWithTwoDecimals() {
        #expect(Money(pounds: "1600")?.pence == 160_000)
        #expect(Money(pounds: "300.5")?.pence == 30_050)
        #expect(Money(pounds: "-12.34")?.description == "-12.34")
        #expect(Money(pence: 5).description == "0.05")
        #expect(Money(pence: 160_000).description == "1600.00")
    }

    @Test func moreThanTwoDecimalsOrNoNumberIsRefused() {
        #expect(Money(pounds: "1.005") == nil)
        #expect(Money(pounds: "1,000") == nil)
        #expect(Money(pounds: "") == nil)
        #expect(Money(pounds: "£5") == nil)
        #expect(Money(pounds: "1e3") == nil)
    }

    @Test func aQuarterRoundsDownToThePenny() {
        #expect(Money("1300.00").share(basisPoints: 2_500) == Money("325.00"))
        #expect(Money("1000.03").share(basisPoints: 2_500) == Money("250.00"))
        #expect(Money("0.03").share(basisPoints: 3_333) == Money("0.00"))
    }

    @Test func theLastInstalmentTakesTheRemainder() {
        let parts = Money("1000.03").split(basisPoints: [2_500, 2_500, 2_500, 2_500])
        #expect(parts == [Money("250.00"), Money("250.00"), Money("250.00"), Money("250.03")])
    }

    @Test func splitPartsAlwaysAddUpToTheWhole() {
        for pence in [0, 1, 7, 99, 100_001, 123_457, 240_000] as [Int64] {
            for shares in [[2_500, 2_500, 2_500, 2_500], [3_333, 3_333, 3_334], [10_000], [1, 9_999]] {
                let parts = Money(pence: pence).split(basisPoints: shares)
                #expect(parts.reduce(.zero, +) == Money(pence: pence))
                #expect(parts.allSatisfy { $0 >= .zero })
            }
        }
    }
}

@Suite("Record ids")
struct RecordIDTests {
    @Test func wholeNumbersComeFirstByValue() {
        #expect(RecordID("9") < RecordID("10"))
        #expect(RecordID("10") < RecordID("A"))
        #expect(RecordID("99999999999999999999") < RecordID("100000000000000000000"))
        #expect(!(RecordID("10") < RecordID("9")))
    }

    @Test func equalNumbersAreOrderedByTheirText() {
        #expect(RecordID("007") < RecordID("07"))
        #expect(RecordID("07") < RecordID("7"))
        #expect(!(RecordID("7") < RecordID("007")))
    }

    @Test func otherIdsAreInByteOrder() {
        #expect(RecordID("A10") < RecordID("A9"))
        #expect(RecordID("B") < RecordID("a"))
        #expect(RecordID("12a") < RecordID("A"))
    }
}
