import Foundation
import PbRCore
import PbRImport
import PbRSimulation
import PbRTestSupport
import Testing

@Suite("Scenario files")
struct ScenarioLoaderTests {
    func error(_ text: String) -> ScenarioError? {
        do { _ = try ScenarioLoader.parse(text) } catch { return error }
        return nil
    }

    @Test func anEmptyScenarioKeepsTheModelsDefaults() throws {
        #expect(try ScenarioLoader.parse("") == CohortModel())
    }

    @Test func aScenarioSetsWhatItNamesExactlyAndLeavesTheRest() throws {
        let model = try ScenarioLoader.parse("""
            providers: [A, B]
            referrals_per_month: 12
            referral_counts: fixed
            bands: {1: 50%, 5: 50%}
            presenting: {opiates+crack: 60%, alcohol: 40%}
            injecting: 12.5%
            review_every: 6 months
            monthly: {death: 0.05%, completion: 90%}
            payment_lag: 45 days
            data_lag: 31 days
            monthly_cost: {B: 1234.56}
            working_capital_confidence: 90%
            investment: {payee: B, amount: 250000.00, interest: 7.5%, repayment_share: 60%, drawn_over: 12 months}
            """)
        var expected = CohortModel()
        (expected.providers, expected.referralsPerMonth, expected.referralsVary) = ([ProviderID("A"), ProviderID("B")], 12, false)
        (expected.bandWeights, expected.injectingBasisPoints, expected.reviewEveryMonths) = ([5_000, 0, 0, 0, 5_000], 1_250, 6)
        expected.presenting = [.init([.alcohol], 4_000), .init([.opiates, .crack], 6_000)]
        (expected.monthly.death, expected.monthly.completion, expected.paymentLagDays, expected.dataLagDays) = (5, 9_000, 45, 31)
        expected.monthlyCost = [ProviderID("B"): Money("1234.56")]
        expected.workingCapitalConfidenceBasisPoints = 9_000
        expected.investment = .init(payee: ProviderID("B"), amount: Money("250000.00"), interestBasisPoints: 750, repaymentBasisPoints: 6_000)
        expected.investment?.drawnOverMonths = 12
        #expect(model == expected)
    }

    @Test func mistakesAreRefusedWithTheirKeyLineAndReason() {
        #expect(error("monthly: {relapse: 6%, relapes: 2%}")?.path == "monthly.relapes")
        #expect(error("bands: {1: 50%, 2: 40%}")?.reason == "the shares add up to 90.00%, not 100%")
        #expect(error("presenting: {heroin: 100%}")?.reason.hasPrefix("unknown substance 'heroin'") == true)
        #expect(error("providers: [P01]\nmonthly_cost: {P02: 100.00}")?.description == "monthly_cost.P02 (line 2): 'P02' is not one of the scenario's providers")
        #expect(error("starts: 0.85")?.reason == "'0.85' is not a percentage from 0% to 100%, e.g. 25%")
        #expect(error("review_every: 90 days")?.reason == "counted in months, e.g. 3 months")
        #expect(error("referral_counts: sometimes")?.reason == "expected poisson (the default) or fixed")
        #expect(error("investment: {payee: P01, amount: 1000.00, interest: 8%}")?.reason
                == "an investment needs payee, amount, interest and repayment_share")
        #expect(error("investment: {payee: P01, amount: 1000.00, interest: 8%, repayment_share: 50%, drawn_over: 0 months}")?.reason
                == "counted in months, 1 to 120, e.g. 12 months")
        #expect(error("data_lag: 2 months")?.reason == "counted in days, e.g. 30 days")
        #expect(error("payment_lag: 4000 days")?.reason == "4000 days is more than ten years")
    }

    @Test(arguments: ["national-pilot", "kent", "oxfordshire-recovery-small-voluntary", "oxfordshire-harm-minimisation", "bracknell-forest"])
    func eachShippedScenarioReads(_ name: String) throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("scenarios/\(name).yaml"), encoding: .utf8)
        let model = try ScenarioLoader.parse(text)
        #expect(!model.providers.isEmpty)
    }
}
