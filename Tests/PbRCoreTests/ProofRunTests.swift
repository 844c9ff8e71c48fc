import PbRCore
import PbRTestSupport
import Testing

/// Framework proofing on the reference contract: the client who reaches everything, run through the
/// engine; figures computed by hand from DOMAIN.md's price table.
@Suite("Framework proofing")
struct ProofRunTests {
    let proof: ProofRun
    init() { proof = ProofRun(versions: ContractVersions([ReferenceFramework.contract()])) }

    func ids(_ names: String...) -> [OutcomeID] { names.map(OutcomeID.init) }

    /// Every outcome at `percent`, except those given.
    func rates(_ basisPoints: Int, except: [String: Int] = [:]) -> ProofRates {
        let all = ["D1-abstinent", "D1-alcohol-reduced", "D1-completed", "D2-work-activity", "D3-no-offending-6m",
                   "D3-no-offending-12m", "D4-stopped-injecting", "D4-hepb-course", "D4-housing", "D4-wellbeing"]
        return ProofRates(base: Dictionary(uniqueKeysWithValues: all.map { (OutcomeID($0), except[$0] ?? basisPoints) }))
    }

    let heaviest = ProofProfile(substances: [.opiates], offending: true, injecting: true, housingProblem: true, inWork: false,
                                band: Band(5)!)
    let drinker = ProofProfile(substances: [.alcohol], offending: false, injecting: false, housingProblem: false, inWork: true,
                               band: Band(1)!)

    @Test func theMostAnOpiateInjectingOffendingHomelessBand5ClientCanEarnIsEveryPriceItIsEligibleFor() throws {
        let earning = try proof.evaluate([heaviest], rates: rates(5_000))[0]
        // Band 5: abstinent 700 (alcohol-reduced: alcohol not presenting), completed 2400 (in four
        // instalments of 600), work 250, no offending 400 + 800, stopped injecting 350, hep B 100,
        // housing 350, wellbeing 200.
        #expect(earning.most == Money("5550.00"))
        #expect(earning.outcomes.map(\.id) == ids("D1-abstinent", "D1-completed", "D2-work-activity", "D3-no-offending-6m",
                                                   "D3-no-offending-12m", "D4-stopped-injecting", "D4-hepb-course", "D4-housing",
                                                   "D4-wellbeing"))
        #expect(earning.outcomes.first { $0.id.rawValue == "D1-completed" }?.price == Money("2400.00"))
        #expect(earning.expected == Money("2775.00"))
    }

    @Test func theExpectedEarningIsExactAndRoundedDownToThePennyOnce() throws {
        // 10% of 5,300.00 (every price but work) is 530.00; work 250.00 at 0.03% is 0.075: 530.075 → 530.07.
        let earning = try proof.evaluate([heaviest], rates: rates(1_000, except: ["D2-work-activity": 3]))[0]
        #expect(earning.expected == Money("530.07"))
    }

    @Test func anExclusiveGroupPaysItsHigherOutcomeOnceAndTheLesserCountsAtItsOwnPriceAndRate() throws {
        let earning = try proof.evaluate([drinker], rates: rates(1_000, except: ["D1-abstinent": 1_500, "D1-alcohol-reduced": 3_500]))[0]
        // Band 1: abstinent 300 (the group's higher; reduced 150 is not paid beside it), completed 1000,
        // work 150, wellbeing 100.
        #expect(earning.most == Money("1550.00"))
        let reduced = earning.outcomes.first { $0.id.rawValue == "D1-alcohol-reduced" }
        #expect(reduced?.price == Money("150.00") && reduced?.paidAtMost == .zero)
        // 300 × 15% + 150 × 35% + (1000 + 150 + 100) × 10% = 45 + 52.50 + 125 = 222.50.
        #expect(earning.expected == Money("222.50"))
    }

    @Test func aGroupWhoseRatesAddUpToMoreThanCertaintyIsRefused() {
        #expect(throws: ProofError.groupOverCertain(group: "D1-drug-and-alcohol", basisPoints: 12_000, profile: drinker.label)) {
            try proof.evaluate([drinker], rates: rates(6_000))
        }
    }

    @Test func anOutcomeThePriceIsPaidForWithoutARateIsRefusedNamingIt() {
        var noHousing = rates(1_000)
        noHousing.base[OutcomeID("D4-housing")] = nil
        #expect(throws: ProofError.noRate(outcome: OutcomeID("D4-housing"), profile: heaviest.label)) {
            try proof.evaluate([heaviest], rates: noHousing)
        }
        // A housed client is not eligible for it, so needs no rate.
        #expect(throws: Never.self) { try proof.evaluate([drinker], rates: rates(1_000).without("D4-housing")) }
    }

    @Test func profilesArePaidLeastFirstAndRanked() throws {
        let earnings = try proof.evaluate([heaviest, drinker], rates: rates(1_000))
        #expect(earnings.map(\.profile) == [drinker, heaviest])
        #expect(earnings.map(\.rank) == [1, 2])
    }

    @Test func theGridCrossesInjectingOnlyWithSubstancesPeopleInject() {
        let grid = ProofProfile.grid()
        #expect(grid.count == 640)
        #expect(Set(grid).count == 640)
        #expect(!grid.contains { $0.injecting && ($0.substances == [.alcohol] || $0.substances == [.cannabis]) })
    }

    @Test func theRunsAreMadeAfterEveryWindowHasClosed() {
        // Journeys start 2012-04-01; the 12-month offending window ends 2013-04-01 and its data 10 months
        // later; outcomes earn until 2016-03-31, the latest of them: the run is the day after.
        #expect(proof.asOf == day("2016-04-01"))
    }
}

extension ProofRates {
    func without(_ outcome: String) -> ProofRates {
        var rates = self
        rates.base[OutcomeID(outcome)] = nil
        return rates
    }
}
