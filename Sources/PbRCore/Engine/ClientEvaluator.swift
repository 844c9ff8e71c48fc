/// Evaluates every outcome of a contract for one client: journeys, "never pay twice", death, band,
/// contract period and exclusive groups. Caps are applied later, across clients.
struct ClientEvaluator: Sendable {
    let contract: Contract
    /// The contract's outcomes, each held once by reference: iterating them for every client would
    /// otherwise copy (and retain and release) every rule's parameters.
    private let rules: [SharedRule]
    /// Each exclusive group's outcomes as indices into `rules`: a client's earned outcomes are held by
    /// index, not hashed by id.
    private let groups: [ExclusiveGroupSettlement]

    init(contract: Contract) {
        self.contract = contract
        rules = contract.outcomes.map(SharedRule.init)
        let outcomes = contract.outcomes.map(\.id)
        groups = contract.exclusiveGroups.map { ExclusiveGroupSettlement(group: $0, outcomes: outcomes) }
    }

    private final class SharedRule: Sendable {
        let rule: OutcomeRule
        init(_ rule: OutcomeRule) { self.rule = rule }
    }

    struct Result: Sendable {
        var lines: [Entitlement] = []
        var exceptions: [EntitlementException] = []
    }

    func evaluate(_ fullHistory: ClientHistory, asOf: Day) -> Result {
        let history = fullHistory.asOf(asOf)
        let journeys = contract.journeys(history.episodes)
        guard !journeys.isEmpty else { return Result() }
        let diedOn = Self.deathDay(history)
        let contexts = journeys.map { JourneyContext(journey: $0, history: history, asOf: asOf, diedOn: diedOn) }
        var result = Result()
        var earned = [ExclusiveGroupSettlement.Earned?](repeating: nil, count: rules.count)
        for (index, shared) in rules.enumerated() {
            guard var achievement = earliestAchievement(of: shared.rule.kind, in: contexts, diedOn: diedOn) else { continue }
            let id = shared.rule.id
            guard let band = Self.band(on: achievement.achievedOn, in: history.assessments) else {
                result.exceptions += exceptions(for: achievement, of: shared.rule, clientID: history.clientID)
                continue
            }
            var price = shared.rule.prices[band]!
            if let peer = reachedFirstElsewhere(id, achievement, history, asOf: asOf, diedOn: diedOn) {
                result.exceptions += blocked(achievement, of: shared.rule, price: price, clientID: history.clientID,
                                             reason: Self.describePeer(id, peer))
                continue
            }
            if let (rule, claim) = claimMatch(id, achievement, history.claims) {
                guard let reduction = rule.reductionBasisPoints else {
                    result.exceptions += blocked(achievement, of: shared.rule, price: price, clientID: history.clientID,
                                                 reason: "not paid: one result, one payment: " + ClaimRule.describe(claim))
                    continue
                }
                price = price - price.share(basisPoints: reduction)
                achievement.evidence += "; reduced by \(Money(pence: Int64(reduction)))%: \(ClaimRule.describe(claim))"
            }
            earned[index] = .init(price: price, lines: lines(for: achievement, of: id, price: price, band: band,
                                                             clientID: history.clientID))
        }
        for group in groups { group.settle(&earned) }
        for outcome in earned { if let outcome { result.lines += outcome.lines } }
        return result
    }

    /// The earliest achievement over the client's journeys (ties: the earlier journey). Outcomes dated
    /// after the client's death are not achieved.
    private func earliestAchievement(of kind: OutcomeKind, in contexts: [JourneyContext], diedOn: Day?) -> Achievement? {
        var best: Achievement?
        for context in contexts {
            guard case .achieved(let achievement) = kind.evaluate(context) else { continue }
            if let diedOn, achievement.achievedOn > diedOn { continue }
            if best.map({ achievement.achievedOn < $0.achievedOn }) ?? true { best = achievement }
        }
        return best
    }

    private func lines(for achievement: Achievement, of outcome: OutcomeID, price: Money, band: Band,
                       clientID: ClientID) -> [Entitlement] {
        let amounts = price.split(basisPoints: achievement.parts.map(\.shareBasisPoints))
        return zip(achievement.parts, amounts).compactMap { part, amount in
            guard part.earnsOn <= contract.outcomesUntil else { return nil }
            let status: Entitlement.Status, reason: String
            switch part.state {
            case .failed: return nil
            case .due: (status, reason) = (.payable, "achieved: " + achievement.evidence)
            case .waiting(let why): (status, reason) = (.pending, why)
            }
            return Entitlement(
                providerID: payee(of: achievement), earnedBy: achievement.earnedBy,
                clientID: clientID, outcomeID: outcome, part: part.number, band: band,
                achievedOn: achievement.achievedOn, dueOn: part.dueOn, earnsOn: part.earnsOn,
                amount: status == .payable ? amount : .zero, status: status, reason: reason,
                pendingAmount: status == .pending ? amount : .zero)
        }
    }

    /// An achievement with no band in force: one exception for each part that would have been a line
    /// (not failed, earning by `outcomes_until`), attributed as the line would be, with the least and the
    /// most the part pays over the bands.
    private func exceptions(for achievement: Achievement, of rule: OutcomeRule, clientID: ClientID) -> [EntitlementException] {
        let shares = achievement.parts.map(\.shareBasisPoints)
        let amountsByBand = Band.all.compactMap { rule.prices[$0]?.split(basisPoints: shares) }
        precondition(!amountsByBand.isEmpty, "a contract prices every band")
        return achievement.parts.indices.compactMap { index in
            let part = achievement.parts[index]
            guard part.earnsOn <= contract.outcomesUntil else { return nil }
            var reason = "no assessment in force on \(achievement.achievedOn)"
            switch part.state {
            case .failed: return nil
            case .due: break
            case .waiting(let why): reason += "; pending: " + why
            }
            let amounts = amountsByBand.map { $0[index] }
            return EntitlementException(
                providerID: payee(of: achievement), earnedBy: achievement.earnedBy, clientID: clientID,
                outcomeID: rule.id, part: part.number, achievedOn: achievement.achievedOn,
                lowestAmount: amounts.min()!, highestAmount: amounts.max()!, reason: reason)
        }
    }

    /// The first claim rule of the contract that a claim of this client matches for the achievement.
    func claimMatch(_ outcome: OutcomeID, _ achievement: Achievement, _ claims: [Claim]) -> (ClaimRule, Claim)? {
        guard !claims.isEmpty else { return nil }
        for rule in contract.claimRules where rule.outcome == outcome {
            if let claim = rule.match(claims, achievedOn: achievement.achievedOn) { return (rule, claim) }
        }
        return nil
    }

    /// An achievement another programme or contract pays for: each part that would have been a line
    /// becomes an exception saying so, at its amount (what the overlap would have cost).
    private func blocked(_ achievement: Achievement, of rule: OutcomeRule, price: Money, clientID: ClientID,
                         reason: String) -> [EntitlementException] {
        let amounts = price.split(basisPoints: achievement.parts.map(\.shareBasisPoints))
        return zip(achievement.parts, amounts).compactMap { part, amount in
            guard part.earnsOn <= contract.outcomesUntil else { return nil }
            if case .failed = part.state { return nil }
            return EntitlementException(
                providerID: payee(of: achievement), earnedBy: achievement.earnedBy, clientID: clientID, outcomeID: rule.id,
                part: part.number, achievedOn: achievement.achievedOn, lowestAmount: amount, highestAmount: amount,
                reason: reason)
        }
    }

    /// Who is paid for an achievement: the prime provider where there is one, else the provider that earned it.
    private func payee(of achievement: Achievement) -> ProviderID { contract.primeProvider ?? achievement.earnedBy }

    /// The band in force on a day: the latest assessment on or before it (ties: larger record_id).
    static func band(on day: Day, in assessments: [Assessment]) -> Band? { assessment(on: day, in: assessments)?.band }

    /// The assessment that sets the band on a day.
    static func assessment(on day: Day, in assessments: [Assessment]) -> Assessment? {
        assessments.filter { $0.assessedOn <= day }
            .max { a, b in a.assessedOn != b.assessedOn ? a.assessedOn < b.assessedOn : a.recordID < b.recordID }
    }

    /// The earliest day the client is recorded as dead: a `died` event or a discharge for `died`.
    static func deathDay(_ history: ClientHistory) -> Day? {
        let events = history.events.filter { $0.kind == .died }.map(\.on)
        let discharges = history.episodes.filter { $0.dischargeReason == .died }.compactMap(\.endOn)
        return (events + discharges).min()
    }
}
