import PbRCore
import PbRTestSupport
import Testing

/// Cohort outcomes (`cohort_rate`): a cohort's rate against its baseline, the threshold, the points paid,
/// the providers' shares to the penny, and adjustments when late data moves the rate. Every figure is
/// worked by hand in the comments.
@Suite("Cohort outcomes")
struct CohortOutcomeTests {
    /// Journeys that start from April to June 2012 form cohort `2012/13 Q1`; no offence within 12 months
    /// passes; 10 points above a stated 50% before it pays, then every point at 1,000.00.
    static func outcome(threshold: CohortOutcome.Threshold = .points(basisPoints: 1_000), pays: CohortOutcome.Pays = .allPointsOnceMet,
                        baseline: CohortOutcome.Baseline = .stated(basisPoints: 5_000), cap: Money? = nil) -> CohortOutcome {
        CohortOutcome(id: OutcomeID("C1-no-offence"), domain: .offending, grouping: .quarter, test: .noProvenOffence, within: .months(12),
                      dataLag: .months(10), baseline: baseline, threshold: threshold, pays: pays, pricePerPoint: Money("1000.00"),
                      cap: cap)
    }

    static func contract(_ outcomes: [CohortOutcome], prime: ProviderID? = nil) -> Contract {
        var contract = Contract(id: "cohorts", name: "test", start: day("2012-04-01"), outcomesUntil: day("2013-03-31"),
                                primeProvider: prime, outcomes: [], finance: Finance(remainder: "none"))
        contract.cohortOutcomes = outcomes
        return contract
    }

    /// `passing` clients with no offence after their start on 2012-05-01, then `failing` with one on
    /// 2013-01-15, at the providers named in turn.
    static func cohort(passing: Int, failing: Int, providers: [String] = ["P01"]) -> [ClientHistory] {
        (0..<(passing + failing)).map { index in
            var client = ClientBuilder("C" + String(100 + index))
            client.episode(providers[index % providers.count], start: "2012-05-01")
            if index >= passing { client.offence("2013-01-15") }
            return client.history
        }
    }

    /// The cohort closes a year after its last start day (2013-06-30) and is due 10 months later.
    static let due = day("2014-04-30")

    @Test func aCohortJustBelowItsThresholdPaysNothingAndJustAtItPaysEveryPoint() {
        let contract = Self.contract([Self.outcome()])
        // 11 of 20 = 55.00%: 5 points above 50%, short of the 10.
        let below = CohortOutcomes.evaluate(contract, Self.cohort(passing: 11, failing: 9), asOf: Self.due)
        #expect(below.map(\.period.label) == ["2012/13 Q1", "2012/13 Q2", "2012/13 Q3", "2012/13 Q4"])
        #expect(below[0].payment?.improvement == Ratio(5, 1))
        #expect(below[0].payment?.met == false)
        #expect(CohortOutcomes.owed(contract, below, asOf: Self.due).isEmpty)
        // 12 of 20 = 60.00%: the 10 points are met, and all 10 are paid: 10 × 1,000.00.
        let at = CohortOutcomes.evaluate(contract, Self.cohort(passing: 12, failing: 8), asOf: Self.due)
        let owed = CohortOutcomes.owed(contract, at, asOf: Self.due)
        #expect(owed.map { "\($0.key.payee) \($0.key.outcomeID) cohort \($0.key.part) \($0.amount) due \($0.dueOn)" }
                    == ["P01 C1-no-offence cohort 1 10000.00 due 2014-04-30"])
        #expect(owed[0].reason == "cohort 2012/13 Q1 (journeys started 2012-04-01 to 2012-06-30): 12 of 20 passed no_proven_offence "
                    + "within 12 months; 60.00% against 50.00%: 10.00 points, threshold 10.00, 10.00 points paid × 1000.00 = 10000.00 "
                    + "(baseline stated in the contract)")
    }

    @Test func pointsAboveTheThresholdPayOnlyThePointsBeyondIt() {
        // 13 of 20 = 65.00%: 15 points, 10 of them the threshold: 5 × 1,000.00.
        let contract = Self.contract([Self.outcome(pays: .pointsAboveThreshold)])
        let owed = CohortOutcomes.owed(contract, CohortOutcomes.evaluate(contract, Self.cohort(passing: 13, failing: 7), asOf: Self.due),
                                       asOf: Self.due)
        #expect(owed.map(\.amount) == [Money("5000.00")])
    }

    @Test func fewerFailuresIsAShareOfTheBaselinesFailures() {
        // Baseline 40% pass, so 60% fail; 10% fewer failures is 54% failing, 46% passing: 6 points.
        // 47 of 100 pass: 7 points, met; paid above it: 1 point = 1,000.00.
        let outcome = Self.outcome(threshold: .fewerFailures(basisPoints: 1_000), pays: .pointsAboveThreshold,
                                   baseline: .stated(basisPoints: 4_000))
        let payment = CohortPayment(outcome, rate: Ratio(47, 100), baseline: Ratio(basisPoints: 4_000))
        #expect(payment.threshold == Ratio(6, 1))
        #expect(payment.met && payment.paidPoints == Ratio(1, 1) && payment.amount == Money("1000.00"))
        // 45.9% (459 of 1,000) is 5.9 points: not met.
        #expect(CohortPayment(outcome, rate: Ratio(459, 1_000), baseline: Ratio(basisPoints: 4_000)).met == false)
    }

    @Test func aFractionOfAPointIsPaidToThePennyRoundedDown() {
        // 2 of 3 = 66.666...%: 16.666... points; all paid: 16,666.666... → 16,666.66; capped at 15,000.00.
        let outcome = Self.outcome(cap: Money("15000.00"))
        let payment = CohortPayment(outcome, rate: Ratio(2, 3), baseline: Ratio(basisPoints: 5_000))
        #expect(payment.beforeCap == Money("16666.66"))
        #expect(payment.amount == Money("15000.00"))
        #expect(payment.working(outcome) == "66.67% against 50.00%: 16.67 points, threshold 10.00, 16.67 points paid × 1000.00 "
                    + "= 16666.66, capped at 15000.00")
    }

    @Test func theShareAmongProvidersFollowsTheJourneysEachStartedAndItsPenniesAddUp() {
        // 100.01 by 7, 7 and 6 journeys: 35.0035, 35.0035, 30.003 → 35.00, 35.00, 30.00 and one penny
        // left, to the largest remainder (7 × 10,001 mod 20 = 7, against 6): P01, first of the tie.
        let shares = PennyShares.split(Money("100.01"), by: [ProviderID("P01"): 7, ProviderID("P02"): 7, ProviderID("P03"): 6])
        #expect(shares == [ProviderID("P01"): Money("35.01"), ProviderID("P02"): Money("35.00"), ProviderID("P03"): Money("30.00")])
        // In a cohort: 12 of 20 pass, 10,000.00 shared by 7, 7 and 6 journeys (P01, P02, P03 in turn).
        let contract = Self.contract([Self.outcome()])
        let owed = CohortOutcomes.owed(
            contract, CohortOutcomes.evaluate(contract, Self.cohort(passing: 12, failing: 8, providers: ["P01", "P02", "P03"]),
                                              asOf: Self.due), asOf: Self.due)
        #expect(owed.map { "\($0.key.payee) \($0.amount)" } == ["P01 3500.00", "P02 3500.00", "P03 3000.00"])
        #expect(owed[2].reason.hasSuffix("; P03's share: 6 of 20 journeys"))
    }

    @Test func underAPrimeTheWholeCohortIsPaidToThePrime() {
        let contract = Self.contract([Self.outcome()], prime: ProviderID("PRIME"))
        let owed = CohortOutcomes.owed(
            contract, CohortOutcomes.evaluate(contract, Self.cohort(passing: 12, failing: 8, providers: ["P01", "P02"]), asOf: Self.due),
            asOf: Self.due)
        #expect(owed.map { "\($0.key.payee) \($0.earnedBy) \($0.amount)" } == ["PRIME PRIME 10000.00"])
    }

    @Test func nothingIsOwedBeforeTheWindowAndDataLagHavePassed() {
        let contract = Self.contract([Self.outcome()])
        let before = CohortOutcomes.evaluate(contract, Self.cohort(passing: 12, failing: 8), asOf: day("2014-04-29"))
        #expect(before[0].payment == nil && before[0].dueOn == Self.due)
        #expect(CohortOutcomes.owed(contract, before, asOf: day("2014-04-29")).isEmpty)
        #expect(contract.settledOn == day("2015-01-31"))  // the last cohort ends 2013-03-31: + 12 + 10 months
    }

    @Test func lateOffenceDataThatLowersTheRateAdjustsTheCohortLine() throws {
        let contract = Self.contract([Self.outcome()])
        var ledger = IssuedLedger()
        func statement(_ period: String, _ histories: [ClientHistory]) throws -> [StatementLine] {
            let asOf = StatementPeriod(period)!.lastDay
            let lines = try PeriodStatements.compute(
                versions: ContractVersions([contract]), period: StatementPeriod(period)!, run: [],
                attachments: CohortOutcomes.owed(contract, CohortOutcomes.evaluate(contract, histories, asOf: asOf), asOf: asOf),
                issued: ledger, balances: [:]) { [] }.flatMap(\.statement.lines)
            ledger.record(lines)
            return lines
        }
        var histories = Self.cohort(passing: 12, failing: 8)
        let april = try statement("2014-04", histories)
        #expect(april.map { "\($0.component.rawValue) \($0.clientID?.rawValue ?? "-") \($0.outcomeID!) \($0.part!) \($0.amount)" }
                    == ["cohort - C1-no-offence 1 10000.00"])
        #expect(april[0].band == nil && april[0].achievedOn == day("2013-06-30") && april[0].dueOn == Self.due)
        #expect(try statement("2014-05", histories).isEmpty)
        // Police data arrives late: one of the 12 offended on 2013-04-30, inside the year. 11 of 20: the
        // threshold is no longer met and the 10,000.00 is clawed back.
        var late = ClientBuilder("C100")
        late.episode("P01", start: "2012-05-01")
        late.offence("2013-04-30")
        histories[0] = late.history
        let june = try statement("2014-06", histories)
        #expect(june.map { "\($0.kind.rawValue) \($0.amount) \($0.refersTo.map(\.description))" }
                    == ["adjustment -10000.00 [\"cohorts/2014-04/P01:1\"]"])
        #expect(june[0].reason.contains("C1-no-offence cohort 1"))
        // The invariant: the key's lines add up to what the run owes now, nothing.
        #expect(ledger[.cohort(payee: ProviderID("P01"), outcomeID: OutcomeID("C1-no-offence"), number: 1)]?.total == .zero)
    }

    @Test func aClientWhoDiesBeforeTheTestClosesIsLeftOutOfTheRate() {
        var histories = Self.cohort(passing: 12, failing: 7)
        var died = ClientBuilder("C200")
        died.episode("P01", start: "2012-05-01")
        died.event("2013-02-01", .died)
        histories.append(died.history)
        let result = CohortOutcomes.evaluate(Self.contract([Self.outcome()]), histories, asOf: Self.due)[0]
        // 12 of 19 counted = 63.157...%: the member who died is in neither count.
        #expect(result.counted == 19 && result.passed == 12 && result.members.count == 20)
        #expect(result.members.first { $0.clientID == ClientID("C200") }?.evidence == "died on 2013-02-01, before the test closed on 2013-05-01")
        #expect(result.payment?.rate == Ratio(12, 19))
    }

    @Test func aMeasuredBaselineIsTheSameTestOnJourneysStartedBeforeTheContract() {
        // Four journeys started in the 24 months before 2012-04-01, one without an offence: 25%.
        var histories = Self.cohort(passing: 6, failing: 4)
        for index in 0..<4 {
            var client = ClientBuilder("B" + String(index))
            client.episode("P01", start: "2011-03-01")
            if index > 0 { client.offence("2011-08-01") }
            histories.append(client.history)
        }
        let outcome = Self.outcome(baseline: .measured(months: 24))
        let result = CohortOutcomes.evaluate(Self.contract([outcome]), histories, asOf: Self.due)[0]
        #expect(result.baseline == Ratio(1, 4))
        #expect(result.baselineSource == "measured: 1 of 4 journeys started 2010-04-01 to 2012-03-31 passed")
        // 6 of 10 = 60%: 35 points over 25%, all paid.
        #expect(result.payment?.amount == Money("35000.00"))
    }

    @Test func aPooledOutcomeIsPaidNetOfWhatItsCohortsPaid() {
        // C1 pays quarter 1 10,000.00 (12 of 20). The pooled C2 (one cohort, every journey; threshold 5
        // points) sees the same 12 of 20: 10 points = 10,000.00, less C1's 10,000.00: nothing more.
        var pooled = Self.outcome(threshold: .points(basisPoints: 500))
        pooled.id = OutcomeID("C2-pooled")
        pooled.grouping = .contract
        pooled.netOf = OutcomeID("C1-no-offence")
        let contract = Self.contract([Self.outcome(), pooled])
        var histories = Self.cohort(passing: 12, failing: 8)
        // And a Q3 journey that passes: the pool is 13 of 21 = 61.904...%: 11.904... points, 11,904.76.
        var later = ClientBuilder("C300")
        later.episode("P01", start: "2012-11-01")
        histories.append(later.history)
        let asOf = day("2015-01-31")
        let results = CohortOutcomes.evaluate(contract, histories, asOf: asOf)
        let pool = results.first { $0.outcome == OutcomeID("C2-pooled") }!
        // Q3 alone is 1 of 1 = 100%: 50 points = 50,000.00, so C1 paid 60,000.00 across its cohorts.
        #expect(pool.payment?.capped == Money("11904.76") && pool.payment?.netOf == Money("60000.00") && pool.payment?.amount == .zero)
        #expect(CohortOutcomes.owed(contract, results, asOf: asOf).map { "\($0.key.outcomeID) \($0.key.part) \($0.amount)" }
                    == ["C1-no-offence 1 10000.00", "C1-no-offence 3 50000.00"])
    }

    @Test func cohortsFollowTheContractYearsQuartersAndAreCutAtTheContractsEnds() {
        var contract = Self.contract([])
        contract.start = day("2012-05-15")
        contract.outcomesUntil = day("2013-08-31")
        #expect(contract.cohortPeriods(.quarter).map { "\($0.number) \($0.label) \($0.from) \($0.to)" } == [
            "1 2012/13 Q1 2012-05-15 2012-06-30", "2 2012/13 Q2 2012-07-01 2012-09-30", "3 2012/13 Q3 2012-10-01 2012-12-31",
            "4 2012/13 Q4 2013-01-01 2013-03-31", "5 2013/14 Q1 2013-04-01 2013-06-30", "6 2013/14 Q2 2013-07-01 2013-08-31",
        ])
        #expect(contract.cohortPeriods(.contractYear).map { "\($0.label) \($0.from) \($0.to)" }
                    == ["2012/13 2012-05-15 2013-03-31", "2013/14 2013-04-01 2013-08-31"])
        #expect(contract.cohortPeriods(.contract).map { "\($0.label) \($0.from) \($0.to)" } == ["all 2012-05-15 2013-08-31"])
    }

    @Test func completionWithoutRepresentationCountsARepresentationOnTheLastDayOfItsWindow() {
        var outcome = Self.outcome(threshold: .points(basisPoints: 0), baseline: .stated(basisPoints: 0))
        outcome.test = .completedWithoutRepresentation
        outcome.within = .months(6)
        var clean = ClientBuilder("C1")
        clean.episode("P01", start: "2012-04-10", end: "2012-08-31", reason: .completedDrugFree)
        clean.episode("P01", start: "2013-03-01")  // one day after the 6 months from 2012-08-31 (2013-02-28)
        var back = ClientBuilder("C2")
        back.episode("P01", start: "2012-04-10", end: "2012-08-31", reason: .completedDrugFree)
        back.episode("P01", start: "2013-02-28")   // on the window's last day
        var late = ClientBuilder("C3")
        late.episode("P01", start: "2012-04-10", end: "2012-10-11", reason: .completedDrugFree)  // after 6 months from the start
        let result = CohortOutcomes.evaluate(Self.contract([outcome]), [clean.history, back.history, late.history],
                                             asOf: day("2014-12-31"))[0]
        #expect(result.members.map { "\($0.clientID) \($0.result) \($0.evidence)" } == [
            "C1 passed ended completed_drug_free on 2012-08-31; no re-presentation to 2013-02-28",
            "C2 failed ended completed_drug_free on 2012-08-31; re-presented on 2013-02-28",
            "C3 failed not discharged by 2012-10-10",
        ])
        // The cohort closes 6 + 6 months after its last start day, 2012-06-30.
        #expect(result.closesOn == day("2013-06-30"))
    }
}
