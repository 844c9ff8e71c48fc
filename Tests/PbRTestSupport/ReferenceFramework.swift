import PbRCore

/// The reference outcome framework (DOMAIN.md), built in code for the engine's tests: the values
/// contracts/national-pilot.yaml held when the tests were written, so that editing the shipped file
/// (a tariff, an outcome's place) does not change what the engine's tests prove. Outcomes are in the
/// file's order: `outcomes[2]` is D1-completed, as the tests that edit it by place expect.
public enum ReferenceFramework {
    public static func contract() -> Contract {
        Contract(
            id: "national-pilot", name: "National drug recovery payment by results pilot (reference framework)",
            start: day("2012-04-01"), outcomesUntil: day("2016-03-31"), yearStartMonth: 4, yearStartDay: 1, journeyGapDays: 21,
            outcomes: outcomes,
            exclusiveGroups: [ExclusiveGroup(id: "D1-drug-and-alcohol", outcomes: [OutcomeID("D1-abstinent"), OutcomeID("D1-alcohol-reduced")])],
            finance: Finance(years: [("2012-04-01", 2_500), ("2013-04-01", 3_500), ("2014-04-01", 5_000), ("2015-04-01", 6_000)].map {
                Finance.Year(from: day($0.0), annualValue: Money("2400000.00"), resultsShareBasisPoints: $0.1)
            }, remainder: "none"))
    }

    static let outcomes: [OutcomeRule] = [
        rule("D1-abstinent", .freeFromDrugs, prices: [300, 400, 500, 600, 700], .topSustained(TopSustained(
            eligibility: Eligibility(baselineAny: conditions("any_presenting_days >= 1")),
            review: conditions("every_presenting_days = 0")))),
        rule("D1-alcohol-reduced", .freeFromDrugs, prices: [150, 200, 250, 300, 350], .topSustained(TopSustained(
            eligibility: Eligibility(presenting: [.alcohol], baselineAll: conditions("alcohol_days >= 1")),
            review: conditions("alcohol_days <= baseline * 50%", "every_presenting_except_alcohol_days = 0")))),
        rule("D1-completed", .freeFromDrugs, .final, prices: [1_000, 1_300, 1_600, 2_000, 2_400], .completion(Completion(
            successes: [.init(reason: .completedDrugFree), .init(reason: .completedAlcoholFree),
                        .init(reason: .completedOccasionalUser, unlessPresenting: [.opiates, .crack])],
            instalments: [3, 6, 9, 12].map { Completion.Instalment(after: .months($0), shareBasisPoints: 2_500) },
            onFailure: .keep))),
        rule("D2-work-activity", .employment, prices: [150, 150, 200, 200, 250], .event(EventOutcome(
            events: [.workActivity], reviewAny: conditions("paid_work_days >= 1", "education_days >= 1")))),
        rule("D3-no-offending-6m", .offending, prices: [200, 250, 300, 350, 400], .noOffending(NoOffending(
            window: .months(6), dataLag: .months(10), counted: .all, lookbackDays: 365, referralSources: [.criminalJustice]))),
        rule("D3-no-offending-12m", .offending, .final, prices: [400, 500, 600, 700, 800], .noOffending(NoOffending(
            window: .months(12), dataLag: .months(10), counted: .all, lookbackDays: 365, referralSources: [.criminalJustice]))),
        rule("D4-stopped-injecting", .health, prices: [150, 200, 250, 300, 350], .topSustained(TopSustained(
            eligibility: Eligibility(baselineAll: conditions("injected_days >= 1")), review: conditions("injected_days = 0")))),
        rule("D4-hepb-course", .health, prices: [100, 100, 100, 100, 100], .event(EventOutcome(
            eligibility: Eligibility(baselineAll: conditions("injected_days >= 1")), events: [.hepbCourseComplete]))),
        rule("D4-housing", .health, prices: [150, 200, 250, 300, 350], .topSustained(TopSustained(
            eligibility: Eligibility(baselineAny: conditions("acute_housing = Y", "eviction_risk = Y")),
            review: conditions("acute_housing = N", "eviction_risk = N")))),
        rule("D4-wellbeing", .health, prices: [100, 125, 150, 175, 200], .topSustained(TopSustained(
            eligibility: Eligibility(), review: conditions("quality_of_life >= baseline + 4")))),
    ]

    /// An outcome priced in whole pounds for bands 1 to 5.
    static func rule(_ id: String, _ domain: OutcomeRule.Domain, _ stage: OutcomeRule.Stage = .interim, prices: [Int64],
                     _ kind: OutcomeKind) -> OutcomeRule {
        precondition(prices.count == 5, "a price for each of the five bands")
        let priced = Dictionary(uniqueKeysWithValues: prices.enumerated().map { (Band($0.offset + 1)!, Money(pence: $0.element * 100)) })
        return OutcomeRule(id: OutcomeID(id), domain: domain, stage: stage, prices: priced, kind: kind)
    }

    /// TOP conditions as a contract writes them.
    static func conditions(_ texts: String...) -> [TopCondition] {
        texts.map { text in
            switch TopCondition.parse(text) {
            case .success(let condition): condition
            case .failure(let error): preconditionFailure("\(text): \(error.reason)")
            }
        }
    }
}
