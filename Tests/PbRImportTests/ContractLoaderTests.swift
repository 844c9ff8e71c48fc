import Foundation
import PbRCore
import PbRImport
import PbRTestSupport
import Testing

@Suite("Contract files")
struct ContractLoaderTests {
    let text: String
    init() throws { text = try String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8) }

    @Test func theReferenceContractHoldsDomainMdsValues() throws {
        let contract = try ContractLoader.parse(text)
        #expect(contract.start == day("2012-04-01"))
        #expect(contract.outcomesUntil == day("2016-03-31"))
        #expect(contract.journeyGapDays == 21)
        #expect(contract.reviewsDueEvery == .months(6))
        #expect(contract.outcomes.map(\.id.rawValue) == [
            "D1-abstinent", "D1-alcohol-reduced", "D1-completed", "D2-work-activity", "D3-no-offending-6m",
            "D3-no-offending-12m", "D4-stopped-injecting", "D4-hepb-course", "D4-housing", "D4-wellbeing",
        ])
        let prices = contract.outcomes.map { rule in Band.all.map { rule.prices[$0]!.description }.joined(separator: " ") }
        #expect(prices == [
            "300.00 400.00 500.00 600.00 700.00", "150.00 200.00 250.00 300.00 350.00",
            "1000.00 1300.00 1600.00 2000.00 2400.00", "150.00 150.00 200.00 200.00 250.00",
            "200.00 250.00 300.00 350.00 400.00", "400.00 500.00 600.00 700.00 800.00",
            "150.00 200.00 250.00 300.00 350.00", "100.00 100.00 100.00 100.00 100.00",
            "150.00 200.00 250.00 300.00 350.00", "100.00 125.00 150.00 175.00 200.00",
        ])
        guard case .noOffending(let twelve) = contract.outcomes[5].kind,
              case .completion(let completion) = contract.outcomes[2].kind else {
            Issue.record("unexpected kinds")
            return
        }
        #expect(twelve.window == .months(12))
        #expect(twelve.dataLag == .months(10))
        #expect(completion.instalments.map(\.shareBasisPoints) == [2_500, 2_500, 2_500, 2_500])
        #expect(completion.onFailure == .keep)
        #expect(contract.exclusiveGroups.first?.outcomes == [OutcomeID("D1-abstinent"), OutcomeID("D1-alcohol-reduced")])
    }

    func error(_ from: String, _ to: String) -> ContractError? {
        let broken = text.replacingOccurrences(of: from, with: to)
        #expect(broken != text, "the replacement must change the contract")
        do { _ = try ContractLoader.parse(broken) } catch { return error }
        return nil
    }

    @Test func aMisspelledPeriodIsRefusedAtItsKey() {
        let error = error("window: 6 months", "window: 6 moths")
        #expect(error?.path == "outcomes[4].window")
        #expect(error?.reason == "'6 moths': the unit must be days or months")
    }

    @Test func aReviewRhythmOfNothingIsRefusedAndOneOfDaysIsKept() throws {
        #expect(error("reviews_due_every: 6 months", "reviews_due_every: 0 months")?.reason == "a review falls due some time after the last, e.g. 6 months")
        #expect(try ContractLoader.parse(text.replacingOccurrences(of: "reviews_due_every: 6 months", with: "reviews_due_every: 91 days")).reviewsDueEvery == .days(91))
    }

    @Test func aContractThatStatesNoReviewRhythmHasReviewsDueEverySixMonths() throws {
        let contract = try ContractLoader.parse(text.replacingOccurrences(of: "reviews_due_every: 6 months", with: ""))
        #expect(contract.reviewsDueEvery == .months(6))
    }

    @Test func anUnknownKindIsRefusedAtItsKey() {
        let error = error("kind: event\n    events: [work_activity]", "kind: milestone\n    events: [work_activity]")
        #expect(error?.path == "outcomes[3].kind")
    }

    @Test func aBandWithoutAPriceIsRefused() {
        let error = error("prices: {1: 100.00, 2: 125.00, 3: 150.00, 4: 175.00, 5: 200.00}",
                          "prices: {1: 100.00, 2: 125.00, 3: 150.00, 4: 175.00}")
        #expect(error?.path == "outcomes[9].prices")
        #expect(error?.reason == "no price for band 5")
    }

    @Test func anUnknownKeyIsRefusedRatherThanIgnored() {
        let error = error("data_lag: 10 months\n    offences: all\n    prices: {1: 200.00", "data_lags: 10 months\n    offences: all\n    prices: {1: 200.00")
        #expect(error?.path == "outcomes[4].data_lags")
    }

    @Test func aBadConditionAPriceInFloatingPointAndInstalmentsNotAddingUpAreRefused() {
        #expect(error("[injected_days = 0]", "[injected_dayz = 0]")?.reason == "unknown TOP field 'injected_dayz'")
        #expect(error("1: 300.00,", "1: 300.005,")?.path == "outcomes[0].prices.1")
        #expect(error("{after: 12 months, share: 25%}", "{after: 12 months, share: 20%}")?.reason
                == "the shares add up to 95.00%, not 100%")
        #expect(error("outcomes: [D1-abstinent, D1-alcohol-reduced]", "outcomes: [D1-abstinent, D9]")?.path
                == "exclusive_groups[0].outcomes[1]")
    }
}
