/// Evaluates a contract's cohort outcomes over every client as of a day, and says what they owe.
/// Pure, like the engine: the same histories and day give the same cohorts and amounts.
public enum CohortOutcomes {
    /// Every cohort that has begun by `asOf`, outcome by outcome (in the contract's order), each in
    /// cohort order. A cohort's payment is worked out once it is due.
    public static func evaluate(_ contract: Contract, _ histories: [ClientHistory], asOf: Day) -> [CohortResult] {
        guard !contract.cohortOutcomes.isEmpty else { return [] }
        let journeys = linkedJourneys(contract, histories, asOf: asOf)
        var results: [OutcomeID: [CohortResult]] = [:]
        // An outcome paid net of another is worked out after it.
        let order = contract.cohortOutcomes.sorted { ($0.netOf == nil ? 0 : 1) < ($1.netOf == nil ? 0 : 1) }
        for outcome in order {
            let admitted = journeys.filter { outcome.admits($0.journey, $0.history) }
            let measured = measuredBaseline(outcome, contract, admitted)
            results[outcome.id] = contract.cohortPeriods(outcome.grouping).filter { $0.from <= asOf }.map { period in
                cohort(outcome, period, contract, admitted, measured: measured, asOf: asOf,
                       earlier: outcome.netOf.flatMap { results[$0] } ?? [])
            }
        }
        return contract.cohortOutcomes.flatMap { results[$0.id] ?? [] }
    }

    /// What the cohorts owe as of `asOf`: one item a payee and cohort, for the ledger to settle like
    /// any outcome line.
    public static func owed(_ contract: Contract, _ results: [CohortResult], asOf: Day) -> [OutcomeLineDraft.Owed] {
        results.filter { $0.payment != nil && $0.dueOn <= asOf }.flatMap { result in
            result.shares.sorted { $0.key < $1.key }.compactMap { payee, amount -> OutcomeLineDraft.Owed? in
                guard amount != .zero else { return nil }
                return OutcomeLineDraft.Owed(
                    key: .cohort(payee: payee, outcomeID: result.outcome, number: result.period.number), earnedBy: payee, band: nil,
                    achievedOn: result.closesOn, dueOn: result.dueOn, amount: amount, reason: reason(result, contract, payee: payee))
            }
        }
    }

    /// A line's reason: the cohort, its rate, the working, and the payee's share.
    static func reason(_ result: CohortResult, _ contract: Contract, payee: ProviderID) -> String {
        let outcome = contract.cohortOutcomes.first { $0.id == result.outcome }!
        var text = "cohort \(result.period.label) (journeys started \(result.period.from) to \(result.period.to)): "
            + "\(result.passed) of \(result.counted) passed \(outcome.test.rawValue) within \(outcome.within)"
        if let payment = result.payment { text += "; " + payment.working(outcome) + " (baseline " + result.baselineSource + ")" }
        let counts = result.startedBy
        if contract.primeProvider == nil, counts.count > 1 {
            text += "; \(payee)'s share: \(counts[payee] ?? 0) of \(result.counted) journeys"
        }
        return text
    }

    /// One journey with the client's history as of the run's day and the day the client died.
    struct Linked {
        var journey: Journey
        var history: ClientHistory
        var diedOn: Day?
    }

    /// Every journey at the contract's providers, from the baseline's first day on, that started under
    /// the contract or before it (a journey taken in already in treatment is in no cohort).
    private static func linkedJourneys(_ contract: Contract, _ histories: [ClientHistory], asOf: Day) -> [Linked] {
        var linked: [Linked] = []
        for full in histories {
            let history = full.asOf(asOf)
            let covered = contract.providers.isEmpty ? history.episodes : history.episodes.filter { contract.providers.contains($0.providerID) }
            guard !covered.isEmpty else { continue }
            let diedOn = ClientEvaluator.deathDay(history)
            for journey in Journey.link(covered, gapDays: contract.journeyGapDays) {
                linked.append(Linked(journey: journey, history: history, diedOn: diedOn))
            }
        }
        return linked.sorted { ($0.history.clientID, $0.journey.start) < ($1.history.clientID, $1.journey.start) }
    }

    /// The baseline measured on journeys started in the months before the contract, if the outcome asks for one.
    private static func measuredBaseline(_ outcome: CohortOutcome, _ contract: Contract, _ journeys: [Linked]) -> (Ratio, String)? {
        guard case .measured(let months) = outcome.baseline else { return nil }
        let from = contract.start.adding(months: -months), to = contract.start.adding(days: -1)
        let members = journeys.filter { $0.journey.start >= from && $0.journey.start <= to }
            .map { outcome.member($0.journey, $0.history, diedOn: $0.diedOn) }.filter { $0.result != .leftOut }
        let passed = members.filter { $0.result == .passed }.count
        let words = "measured: \(passed) of \(members.count) journeys started \(from) to \(to) passed"
        return members.isEmpty ? nil : (Ratio(Int128(passed), Int128(members.count)), words)
    }

    private static func cohort(_ outcome: CohortOutcome, _ period: CohortPeriod, _ contract: Contract, _ journeys: [Linked],
                               measured: (Ratio, String)?, asOf: Day, earlier: [CohortResult]) -> CohortResult {
        // A cohort's period starts on or after the contract's start, so a journey taken in already in
        // treatment (started before it) is in none.
        let members = journeys.filter { period.contains($0.journey.start) }
            .map { outcome.member($0.journey, $0.history, diedOn: $0.diedOn) }
        let closesOn = outcome.closesOn(start: period.to)
        var result = CohortResult(outcome: outcome.id, period: period, closesOn: closesOn, dueOn: outcome.dataLag.after(closesOn),
                                  members: members, baseline: nil, baselineSource: "", payment: nil, shares: [:])
        switch outcome.baseline {
        case .stated(let basisPoints):
            (result.baseline, result.baselineSource) = (Ratio(basisPoints: basisPoints), "stated in the contract")
        case .byCohort(let rates):
            result.baseline = rates[period.label].map { Ratio(basisPoints: $0) }
            result.baselineSource = result.baseline == nil ? "none stated for \(period.label)" : "stated for \(period.label)"
        case .measured:
            (result.baseline, result.baselineSource) = measured.map { ($0.0, $0.1) } ?? (nil, "no journeys in the baseline period")
        }
        guard result.dueOn <= asOf, let baseline = result.baseline, result.counted > 0 else { return result }
        // What the `net_of` outcome's cohorts within this one's span owe, taken off.
        let netOf = earlier.filter { $0.period.from >= period.from && $0.period.to <= period.to }
            .reduce(Money.zero) { $0 + ($1.payment?.amount ?? .zero) }
        let payment = CohortPayment(outcome, rate: Ratio(Int128(result.passed), Int128(result.counted)), baseline: baseline,
                                    netOf: netOf)
        result.payment = payment
        if let prime = contract.primeProvider {
            result.shares = [prime: payment.amount]
        } else {
            result.shares = PennyShares.split(payment.amount, by: result.startedBy)
        }
        return result
    }
}
