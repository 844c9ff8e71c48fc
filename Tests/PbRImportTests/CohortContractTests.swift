import Foundation
import PbRCore
import PbRImport
import PbRTestSupport
import Testing

/// `kind: cohort_rate` in a contract file: read whole, kept apart from the client outcomes, and refused
/// at the key that is wrong.
@Suite("Cohort outcomes in contract files")
struct CohortContractTests {
    static let head = """
        id: cohorts
        start: 2012-04-01
        outcomes_until: 2014-03-31
        outcomes:
          - id: D2-work-activity
            domain: employment
            kind: event
            events: [work_activity]
            prices: {1: 150.00, 2: 150.00, 3: 200.00, 4: 200.00, 5: 250.00}

        """

    static let cohort = """
          - id: C1-completed
            domain: free_from_drugs
            kind: cohort_rate
            cohort: quarter
            test: completed_without_representation
            within: 12 months
            representation_within: 6 months
            data_lag: 2 months
            baseline: {measured: 24 months}
            threshold: {points: 2.5}
            price_per_point: 10000.00
            cap: 50000.00

        """

    func error(_ text: String) -> ContractError? {
        do { _ = try ContractLoader.parse(text) } catch { return error }
        return nil
    }

    @Test func aCohortOutcomeIsReadWholeAndKeptApartFromTheClientOutcomes() throws {
        let contract = try ContractLoader.parse(Self.head + Self.cohort)
        #expect(contract.outcomes.map(\.id.rawValue) == ["D2-work-activity"])
        let outcome = try #require(contract.cohortOutcomes.first)
        #expect(outcome.id == OutcomeID("C1-completed") && outcome.grouping == .quarter && outcome.members == .all)
        #expect(outcome.test == .completedWithoutRepresentation && outcome.within == .months(12)
                    && outcome.representationWithin == .months(6) && outcome.dataLag == .months(2))
        #expect(outcome.baseline == .measured(months: 24) && outcome.threshold == .points(basisPoints: 250))
        #expect(outcome.pays == .pointsAboveThreshold && outcome.pricePerPoint == Money(pounds: "10000.00"))
        #expect(outcome.cap == Money(pounds: "50000.00") && outcome.stage == .final)
        // The last quarter's cohort ends 2014-03-31: + 12 + 6 months to close, + 2 months' data lag.
        #expect(contract.settledOn == Day(iso: "2015-11-30"))
    }

    @Test func theShippedPeterboroughContractHasItsTwoThresholdsAgainstTheComparison() throws {
        let contract = try ContractLoader.load(file: Fixtures.root.appendingPathComponent("contracts/peterborough.yaml"))
        #expect(contract.outcomes.isEmpty && contract.primeProvider == ProviderID("PB-ONE"))
        #expect(contract.cohortOutcomes.map { "\($0.id) \($0.grouping.rawValue) \($0.threshold)" } == [
            "C1-cohort-no-reconviction contract_year fewerFailures(basisPoints: 1000)",
            "C2-all-cohorts-no-reconviction contract fewerFailures(basisPoints: 750)",
        ])
        #expect(contract.cohortOutcomes[1].netOf == OutcomeID("C1-cohort-no-reconviction"))
        #expect(contract.cohortPeriods(.contractYear).map(\.label) == ["2012/13", "2013/14", "2014/15"])
    }

    @Test func mistakesAreRefusedAtTheirKey() {
        let text = Self.head + Self.cohort
        func broken(_ from: String, _ to: String) -> ContractError? {
            let changed = text.replacingOccurrences(of: from, with: to)
            #expect(changed != text)
            return error(changed)
        }
        #expect(broken("test: completed_without_representation", "test: completed")?.path == "outcomes[1].representation_within")
        #expect(broken("cohort: quarter", "cohort: fortnight")?.path == "outcomes[1].cohort")
        #expect(broken("threshold: {points: 2.5}", "threshold: {points: 2.5, fewer_failures: 10%}")?.reason
                    == "name one of points: N or fewer_failures: N%")
        #expect(broken("threshold: {points: 2.5}", "threshold: {points: 2.555}")?.path == "outcomes[1].threshold.points")
        #expect(broken("baseline: {measured: 24 months}", "baseline: 45")?.path == "outcomes[1].baseline")
        let unknownCohort = broken("baseline: {measured: 24 months}", "baseline: {by_cohort: {2012/13 Q1: 40%, 2015/16 Q1: 40%}}")
        #expect(unknownCohort?.reason.hasPrefix("'2015/16 Q1' is not one of the cohorts (2012/13 Q1, 2012/13 Q2,") == true)
        let netOfItself = broken("cap: 50000.00", "cap: 50000.00\n    net_of: C1-completed")
        #expect(netOfItself?.path == "outcomes[1].net_of")
        #expect(broken("id: C1-completed", "id: D2-work-activity")?.reason == "'D2-work-activity' is used twice")
    }
}
