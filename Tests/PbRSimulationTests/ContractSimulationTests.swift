import PbRCore
import PbRSimulation
import PbRTestSupport
import Testing

/// A contract tried on simulated cohorts: what a run pays, worked by hand where the outcomes are certain,
/// and against the analytic expectation where they are not.
@Suite("Simulation: a contract tried on cohorts")
struct ContractSimulationTests {
    /// The reference framework paying only D2-work-activity (£150.00 in band 1), and the rest of each
    /// year's value as a monthly block.
    static func workOnly() -> ContractVersions {
        var contract = ReferenceFramework.contract()
        contract.outcomes = contract.outcomes.filter { $0.id == OutcomeID("D2-work-activity") }
        contract.exclusiveGroups = []
        contract.finance.remainder = "monthly_block"
        return ContractVersions([contract])
    }

    /// Ten referrals a month for three months, all in band 1, each starting the day referred and
    /// starting work a month later; nobody leaves, offends or dies.
    static func certain() -> CohortModel {
        var model = CohortModel()
        (model.referralsVary, model.referralsPerMonth, model.referralMonths) = (false, 10, 3)
        (model.startsBasisPoints, model.maxWaitDays, model.bandWeights) = (10_000, 0, [100, 0, 0, 0, 0])
        (model.criminalJusticeBasisPoints, model.offendedBeforeBasisPoints, model.inWorkBasisPoints) = (0, 0, 0)
        var monthly = CohortModel.MonthlyChances()
        (monthly.abstinence, monthly.relapse, monthly.leaving, monthly.death, monthly.offending) = (0, 0, 0, 0, 0)
        (monthly.stopInjecting, monthly.housed, monthly.hepatitisBCourse, monthly.wellbeing) = (0, 0, 0, 0)
        monthly.workActivity = 10_000
        model.monthly = monthly
        return model
    }

    @Test func aCohortWhoseOutcomesAreCertainIsPaidWhatItEarnsByHand() throws {
        let simulation = try ContractSimulation(versions: Self.workOnly(), model: Self.certain())
        let income = simulation.run(1, seed: 9)
        let p01 = ProviderID("P01")
        // 30 clients × £150.00 = £4,500.00, all due in 2012/13; the block is 2,400,000.00 a year less the
        // results share (25%, 35%, 50%, 60%): 1,800,000.00, 1,560,000.00, 1,200,000.00, 960,000.00.
        let years = income.byYear.sorted { $0.key < $1.key }.map { "\(Contract.yearLabel(startingOn: $0.key.start)) \($0.value.outcome) \($0.value.block)" }
        #expect(years == ["2012/13 4500.00 1800000.00", "2013/14 0.00 1560000.00", "2014/15 0.00 1200000.00", "2015/16 0.00 960000.00"])
        #expect(income.outcomesAchieved == 30)
        // Referred (and started) on 1-28 April, May and June; at work a month later: 10 × £150.00 a month
        // falling due in May, June and July, on top of 2012/13's monthly block of £150,000.00.
        let months = ["2012-04", "2012-05", "2012-06", "2012-07", "2012-08", "2013-04"].map { "\($0) \(income.byMonth[p01]?[StatementPeriod($0)!] ?? .zero)" }
        #expect(months == ["2012-04 150000.00", "2012-05 151500.00", "2012-06 151500.00", "2012-07 151500.00", "2012-08 150000.00",
                           "2013-04 130000.00"])
        // 30 days later the money arrives, in June, July and August (a line due on the 1st to 28th).
        #expect(income.arriving[p01]?[StatementPeriod("2012-05")!] == Money("150000.00"))
    }

    @Test func theLagWithWhichDataArrivesDelaysTheMoneyNotTheMonthALineFallsDue() throws {
        var model = Self.certain()
        (model.paymentLagDays, model.dataLagDays) = (0, 92)
        let income = try ContractSimulation(versions: Self.workOnly(), model: model).run(1, seed: 9)
        let p01 = ProviderID("P01")
        // The work lines still fall due on 1-28 May, June and July: the same years and months as with no lag.
        let due = ["2012-05", "2012-06", "2012-07", "2012-08"].map { income.byMonth[p01]?[StatementPeriod($0)!] ?? .zero }
        #expect(due == [Money("151500.00"), Money("151500.00"), Money("151500.00"), Money("150000.00")])
        // Their evidence arrives 92 days later: 1-28 May is 1-28 August, 1-28 June is 1-28 September, 1-28
        // July is 1-28 October; the money comes then (no payment lag), the block in its own month.
        let arrived = ["2012-05", "2012-06", "2012-07", "2012-08", "2012-09", "2012-10", "2012-11"]
            .map { "\($0) \(income.outcomesArriving[p01]?[StatementPeriod($0)!] ?? .zero)" }
        #expect(arrived == ["2012-05 0.00", "2012-06 0.00", "2012-07 0.00", "2012-08 1500.00", "2012-09 1500.00", "2012-10 1500.00",
                            "2012-11 0.00"])
        #expect(income.arriving[p01]?[StatementPeriod("2012-08")!] == Money("151500.00"))
        // With no data lag the money comes the month the line falls due.
        model.dataLagDays = 0
        let prompt = try ContractSimulation(versions: Self.workOnly(), model: model).run(1, seed: 9)
        #expect(prompt.outcomesArriving[p01]?[StatementPeriod("2012-05")!] == Money("1500.00"))
        #expect(prompt.byYear == income.byYear)
    }

    @Test func aCohortOutcomeIsPaidAsOutcomeIncomeWhenItsCohortFallsDue() throws {
        // The certain cohort under a contract that pays only a cohort outcome: each 2012/13 quarter's
        // journeys, no offence within 12 months against a stated 40%: nobody offends, so 100%, 60 points,
        // × £100.00 = £6,000.00 for the first quarter's cohort (the April to June starts; the other quarters have no journey). The
        // cohort closes 2013-06-30 and is due 10 months later, 2014-04-30: 2014/15's income.
        var contract = ReferenceFramework.contract()
        (contract.outcomes, contract.exclusiveGroups, contract.finance.remainder) = ([], [], "none")
        contract.cohortOutcomes = [CohortOutcome(
            id: OutcomeID("C1"), domain: .offending, grouping: .quarter, test: .noProvenOffence, within: .months(12),
            dataLag: .months(10), baseline: .stated(basisPoints: 4_000), pricePerPoint: Money("100.00"))]
        let income = try ContractSimulation(versions: ContractVersions([contract]), model: Self.certain()).run(1, seed: 9)
        let years = income.byYear.filter { $0.value.outcome != .zero }
            .map { "\(Contract.yearLabel(startingOn: $0.key.start)) \($0.key.payee) \($0.value.outcome)" }
        #expect(years == ["2014/15 P01 6000.00"])
        #expect(income.byMonth[ProviderID("P01")]?[StatementPeriod("2014-04")!] == Money("6000.00"))
    }

    @Test func theSameSeedGivesTheSameRunAndAnotherSeedAnother() throws {
        var model = Self.certain()
        (model.referralsVary, model.startsBasisPoints) = (true, 5_000)
        let simulation = try ContractSimulation(versions: Self.workOnly(), model: model)
        #expect(simulation.run(3, seed: 1) == simulation.run(3, seed: 1))
        #expect(simulation.run(3, seed: 1) != simulation.run(3, seed: 2))
        #expect(simulation.run(3, seed: 1) != simulation.run(4, seed: 1))
    }

    /// Poisson referrals of 10 a month for 12 months, half of them starting, each paid £150.00 for work:
    /// the expected income is 12 × 10 × 50% × £150.00 = £9,000.00 a run.
    @Test func overManySeedsTheMeanIncomeIsTheAnalyticExpectationWithinItsConfidenceInterval() throws {
        var model = Self.certain()
        (model.referralsVary, model.startsBasisPoints, model.referralMonths) = (true, 5_000, 12)
        let simulation = try ContractSimulation(versions: Self.workOnly(), model: model)
        let outcomes = (1...200).map { run in
            Double(simulation.run(run, seed: 11).byYear.values.reduce(Money.zero) { $0 + $1.outcome }.pence) / 100
        }
        let mean = outcomes.reduce(0, +) / Double(outcomes.count)
        let variance = outcomes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(outcomes.count - 1)
        let halfWidth = 3.29 * (variance / Double(outcomes.count)).squareRoot()  // 99.9%
        #expect(abs(mean - 9_000) < halfWidth, "mean \(mean), 99.9% half-width \(halfWidth)")
        // The spread is the analytic one too: a Poisson count of 60 starts has a standard deviation of √60 × £150.
        #expect(abs(variance.squareRoot() - 60.0.squareRoot() * 150) < 0.2 * 60.0.squareRoot() * 150, "sd \(variance.squareRoot())")
    }

    @Test func percentilesAreRunsOwnAmountsByNearestRank() {
        let spread = SimulationSummary.Spread((1...20).map { Money(pence: Int64($0) * 100) })
        // Of 20 runs: the 5th percentile is the 1st, the median the 10th, the 95th the 19th.
        #expect([spread.p5, spread.median, spread.p95] == [Money("1.00"), Money("10.00"), Money("19.00")])
    }

    @Test func theCashFlowGapIsTheMostTheCostsRanAheadOfTheMoney() throws {
        var model = Self.certain()
        model.monthlyCost = [ProviderID("P01"): Money("160000.00")]
        let simulation = try ContractSimulation(versions: Self.workOnly(), model: model)
        let summary = SimulationSummary([simulation.run(1, seed: 9)], contract: Self.workOnly().first, model: model)
        // Each month costs more than its block by £10,000.00 in 2012/13, £30,000.00 in 2013/14, £60,000.00
        // in 2014/15 and £80,000.00 in 2015/16: 12 × £180,000.00 = £2,160,000.00 by March 2016, less the
        // £4,500.00 the work payments brought (in June, July and August 2012, as they arrive).
        #expect(summary.gaps[ProviderID("P01")]?.median == Money("2155500.00"))
        // Every year's income (block and work) is below its cost of 12 × £160,000.00 in every run.
        #expect(summary.years.filter { $0.cost != nil }.map(\.belowCost) == [1, 1, 1, 1])
    }
}

/// The cohort model's defaults against the national figures docs/simulation.md cites.
@Suite("Simulation: the default cohort")
struct DefaultCohortTests {
    /// NDTMS 2011-12: 47% of the adults leaving treatment completed free of dependency; 51% of opiate-only
    /// clients with a six-month review were abstinent from illicit opiates (63% of crack-only clients).
    @Test func theDefaultCohortLeavesAndAbstainsAsNationalFiguresReport() {
        let cohort = CohortSimulator(model: CohortModel(), start: Day(iso: "2012-04-01")!, through: Day(iso: "2017-01-31")!, seed: 3)
        var exits = 0, completions = 0, sixMonthReviews = 0, abstinent = 0
        for history in cohort.histories() {
            for episode in history.episodes {
                guard let reason = episode.dischargeReason, reason != .died else { continue }
                exits += 1
                if reason.isSuccessfulCompletion { completions += 1 }
            }
            for review in history.tops where review.stage == .review {
                guard let episode = history.episodes.first(where: { $0.recordID == review.episodeID }),
                      review.on == episode.startOn!.adding(months: 6) else { continue }
                sixMonthReviews += 1
                if episode.substances.allSatisfy({ review.values[$0.topField] == 0 }) { abstinent += 1 }
            }
        }
        let completed = Double(completions) / Double(exits), abstaining = Double(abstinent) / Double(sixMonthReviews)
        #expect(exits > 500 && sixMonthReviews > 300, "\(exits) exits, \(sixMonthReviews) six-month reviews")
        #expect(abs(completed - 0.47) < 0.04, "\(completions) of \(exits) exits completed")
        #expect(abs(abstaining - 0.51) < 0.05, "\(abstinent) of \(sixMonthReviews) six-month reviews abstinent")
    }
}

/// Financing: a loan repaid from outcome payments, and the working capital at a stated confidence.
@Suite("Simulation: financing")
struct FinancingTests {
    @Test func aLoanIsRepaidFromAShareOfTheOutcomePaymentsWithInterestByHand() {
        // £1,000.00 at 12% a year (1% a month, rounded down to the penny), repaid from half of each month's payments.
        let loan = CohortModel.Investment(payee: ProviderID("P01"), amount: Money("1000.00"), interestBasisPoints: 1_200, repaymentBasisPoints: 5_000)
        let months = ["2012-04", "2012-05", "2012-06", "2012-07"].map { StatementPeriod($0)! }
        let paid = [months[0]: Money("400.00"), months[2]: Money("1000.00"), months[3]: Money("1000.00")]
        // April: 1,010.00 owed, 200.00 repaid; May: 818.10 owed, nothing; June: 826.28 owed (8.181 of
        // interest rounded down), 500.00 repaid: 700.00 in all, 326.28 still owed.
        #expect(loan.repaid(over: Array(months.prefix(3)), outcomes: paid) == Money("700.00"))
        // July: 329.54 owed (3.2628 of interest), all of it repaid from the 500.00 share.
        #expect(loan.repaid(over: months, outcomes: paid) == Money("1029.54"))
    }

    @Test func aLoanDrawnInPartsOwesInterestOnlyOnWhatIsDrawnByHand() {
        // £1,200.00 drawn over three months, £400.00 on each first day, at 12% a year, repaid from half of each month's payments.
        var loan = CohortModel.Investment(payee: ProviderID("P01"), amount: Money("1200.00"), interestBasisPoints: 1_200, repaymentBasisPoints: 5_000)
        loan.drawnOverMonths = 3
        #expect(loan.parts == [Money("400.00"), Money("400.00"), Money("400.00")])
        let months = ["2012-04", "2012-05", "2012-06", "2012-07"].map { StatementPeriod($0)! }
        let paid = [months[1]: Money("400.00"), months[2]: Money("1000.00"), months[3]: Money("1000.00")]
        // April: 400.00 drawn, 404.00 owed, nothing repaid. May: 804.00, 812.04 with 8.04 of interest, 200.00
        // repaid. June: 1,012.04, 1,022.16 (10.1204 of interest), 500.00 repaid: 700.00 in all.
        #expect(loan.repaid(over: Array(months.prefix(3)), outcomes: paid) == Money("700.00"))
        // July: nothing drawn, 527.38 owed (5.2216 of interest), 500.00 repaid: 1,200.00 in all, 27.38 still owed.
        #expect(loan.repaid(over: months, outcomes: paid) == Money("1200.00"))
        #expect(loan.lent(over: 2) == Money("800.00") && loan.lent(over: 4) == Money("1200.00"))
        // Odd pennies go to the first parts.
        loan.amount = Money("1000.00")
        #expect(loan.parts == [Money("333.34"), Money("333.33"), Money("333.33")])
    }

    @Test func theInvestorsGainAndChanceOfLossComeFromEachRunsOutcomePayments() throws {
        var model = ContractSimulationTests.certain()
        // The certain cohort's work payments arrive as £1,500.00 in each of June, July and August 2012.
        model.investment = .init(payee: ProviderID("P01"), amount: Money("4000.00"), interestBasisPoints: 0, repaymentBasisPoints: 10_000)
        let simulation = try ContractSimulation(versions: ContractSimulationTests.workOnly(), model: model)
        let runs = [simulation.run(1, seed: 9)]
        let repaid = SimulationSummary(runs, contract: simulation.versions.first, model: model).investor
        #expect(repaid.map { [$0.expectedGain, $0.gain.median] } == [.zero, .zero] && repaid?.chanceOfLoss == 0)
        model.investment?.amount = Money("5000.00")
        let short = SimulationSummary(runs, contract: simulation.versions.first, model: model).investor
        #expect(short?.expectedGain == Money("-500.00") && short?.chanceOfLoss == 1)
    }

    @Test func theWorkingCapitalIsTheGapAtTheStatedConfidenceByNearestRank() {
        let gaps = (1...20).map { Money(pence: Int64($0) * 100) }
        #expect(SimulationSummary.Spread.percentile(gaps, basisPoints: 9_000) == Money("18.00"))
        #expect(SimulationSummary.Spread.percentile(gaps, basisPoints: 9_500) == Money("19.00"))
        #expect(SimulationSummary.Spread.percentile(gaps, basisPoints: 10_000) == Money("20.00"))
    }
}

@Suite("Simulation: sensitivity")
struct SensitivityTests {
    /// The certain cohort: every chance is 0 but starts and work activity, both 100%.
    @Test func onlyTheChancesThatMoveMoveTheIncomeAndTheWidestComesFirst() throws {
        let simulation = try ContractSimulation(versions: ContractSimulationTests.workOnly(), model: ContractSimulationTests.certain())
        let moved = try Sensitivity.run(simulation, runs: 4, seed: 9, move: 2_000)
        // 30 clients × £150.00, in every run.
        #expect(moved.base == Money("4500.00"))
        #expect(moved.rows.count == CohortModel.chances.count)
        // Starts can only fall (100% is the most), and fewer clients earn less: the one swing, first.
        let starts = try #require(moved.rows.first)
        #expect(starts.parameter == "starts" && starts.low == 8_000 && starts.high == 10_000)
        #expect(starts.incomeHigh == moved.base && starts.incomeLow < moved.base)
        // Work activity at 80% a month comes later but still within the contract for everyone who stays: no swing.
        let work = try #require(moved.rows.first { $0.parameter == "monthly.work_activity" })
        #expect(work.low == 8_000 && work.swing == .zero)
        // No other chance changes what a contract paying only for work pays.
        #expect(moved.rows.dropFirst().allSatisfy { $0.incomeLow == moved.base && $0.incomeHigh == moved.base })
    }
}

@Suite("Simulation: the tariff solver")
struct TariffSolverTests {
    @Test func theSolvedPricesMeetThePotWithinAPennyKeepingTheirWeightsAndTheFixedOnes() throws {
        var model = CohortModel()
        (model.referralsPerMonth, model.referralMonths) = (10, 24)
        let reference = ReferenceFramework.contract()
        let solver = TariffSolver(versions: ContractVersions([reference]), model: model, year: Day(iso: "2013-04-01")!, pot: Money("50000.00"),
                                  fixed: [OutcomeID("D1-completed")], runs: 12, seed: 4)
        let result = try solver.solve()
        #expect(abs(result.offPence) <= 1, "off by \(result.offPence) pence")
        let solved = Dictionary(uniqueKeysWithValues: result.prices.map { ($0.outcome, $0.prices) })
        #expect(solved[OutcomeID("D1-completed")] == reference.outcomes.first { $0.id == OutcomeID("D1-completed") }?.prices)
        // Every other price is the same multiple of what it was, to within the few pence that close the gap.
        let abstinentBand5 = try #require(solved[OutcomeID("D1-abstinent")]?[Band(5)!])
        for rule in reference.outcomes where rule.id != OutcomeID("D1-completed") {
            for band in Band.all {
                let expected = Double(rule.prices[band]!.pence) * Double(abstinentBand5.pence) / 70_000
                #expect(abs(Double(solved[rule.id]![band]!.pence) - expected) <= 12, "\(rule.id) band \(band)")
            }
        }
        // The spend it reports is the simulation's: the same runs priced so, added up by each line's due day.
        var contract = reference
        for index in contract.outcomes.indices { contract.outcomes[index].prices = solved[contract.outcomes[index].id]! }
        let simulation = try ContractSimulation(versions: ContractVersions([contract]), model: model)
        let total = (1...12).map { simulation.run($0, seed: 4).byYear[RunIncome.Year(payee: ProviderID("P01"), start: Day(iso: "2013-04-01")!)]?.outcome.pence ?? 0 }
            .reduce(0, +)
        #expect(total == result.totalPence)
    }
}
