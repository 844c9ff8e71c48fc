import PbRCore
import Yams

extension ContractLoader {
    private static let common: Set<String> = ["id", "domain", "stage", "kind", "prices"]

    /// One outcome: the keys every kind shares, then the kind's own parameters.
    static func outcome(_ node: ContractNode) throws(ContractError) -> OutcomeRule {
        guard let kindNode = node.node.mapping?["kind"].map({ ContractNode(node: $0, path: node.path + ".kind") }) else {
            throw node.fail("an outcome needs a kind (top_sustained, completion, no_offending, event or cohort_rate)")
        }
        let kindName = try kindNode.string()
        let own: Set<String>
        switch kindName {
        case "top_sustained": own = ["eligible", "review", "min_gap"]
        case "completion": own = ["successful", "instalments", "on_failure"]
        case "no_offending": own = ["eligible", "window", "data_lag", "offences"]
        case "event": own = ["eligible", "events", "review_any"]
        default: throw kindNode.fail("unknown kind '\(kindName)' (expected top_sustained, completion, no_offending, event or cohort_rate)")
        }
        let keys = try node.mapping(allowed: common.union(own))
        func required(_ key: String) throws(ContractError) -> ContractNode {
            guard let value = keys[key] else { throw ContractError(path: node.path + "." + key, line: node.line, reason: "is required") }
            return value
        }
        let kind: OutcomeKind
        switch kindName {
        case "top_sustained":
            kind = .topSustained(TopSustained(
                eligibility: try eligibility(keys["eligible"]), review: try required("review").conditions(),
                minGap: try keys["min_gap"]?.period() ?? .days(28)))
        case "completion": kind = .completion(try completion(keys, required))
        case "no_offending": kind = .noOffending(try noOffending(keys, required))
        default:
            kind = .event(EventOutcome(
                eligibility: try eligibility(keys["eligible"]), events: try keys["events"]?.codes(EventKind.self) ?? [],
                reviewAny: try keys["review_any"]?.conditions() ?? []))
        }
        return OutcomeRule(
            id: OutcomeID(try required("id").string()), domain: try required("domain").code(OutcomeRule.Domain.self),
            stage: try keys["stage"]?.code(OutcomeRule.Stage.self) ?? .interim, prices: try prices(required("prices")),
            kind: kind)
    }

    private static func eligibility(_ node: ContractNode?) throws(ContractError) -> Eligibility {
        guard let node else { return Eligibility() }
        let keys = try node.mapping(allowed: ["presenting", "baseline_all", "baseline_any"])
        return Eligibility(
            presenting: try keys["presenting"]?.codes(Substance.self) ?? [],
            baselineAll: try keys["baseline_all"]?.conditions() ?? [],
            baselineAny: try keys["baseline_any"]?.conditions() ?? [])
    }

    private static func completion(
        _ keys: [String: ContractNode], _ required: (String) throws(ContractError) -> ContractNode
    ) throws(ContractError) -> Completion {
        var successes: [Completion.Success] = []
        for item in try required("successful").list() {
            if item.node.mapping != nil {
                let success = try item.mapping(allowed: ["reason", "unless_presenting"])
                guard let reason = success["reason"] else { throw item.fail("needs a reason") }
                successes.append(.init(reason: try reason.code(DischargeReason.self),
                                       unlessPresenting: try success["unless_presenting"]?.codes(Substance.self) ?? []))
            } else {
                successes.append(.init(reason: try item.code(DischargeReason.self)))
            }
        }
        let instalmentsNode = try required("instalments")
        var instalments: [Completion.Instalment] = []
        for item in try instalmentsNode.list() {
            let part = try item.mapping(allowed: ["after", "share"])
            guard let after = part["after"], let share = part["share"] else { throw item.fail("an instalment needs after and share") }
            instalments.append(.init(after: try after.period(), shareBasisPoints: try share.percent()))
        }
        guard !instalments.isEmpty else { throw instalmentsNode.fail("needs at least one instalment") }
        let total = instalments.reduce(0) { $0 + $1.shareBasisPoints }
        guard total == 10_000 else { throw instalmentsNode.fail("the shares add up to \(Money(pence: Int64(total)))%, not 100%") }
        return Completion(successes: successes, instalments: instalments,
                          onFailure: try keys["on_failure"]?.code(Completion.OnFailure.self) ?? .keep)
    }

    private static func noOffending(
        _ keys: [String: ContractNode], _ required: (String) throws(ContractError) -> ContractNode
    ) throws(ContractError) -> NoOffending {
        var lookback = 365
        var sources: [ReferralSource] = [.criminalJustice]
        if let eligible = keys["eligible"] {
            let rules = try eligible.mapping(allowed: ["offence_within_days_before_start", "or_referral_source"])
            if let days = rules["offence_within_days_before_start"] { lookback = try days.integer() }
            if let list = rules["or_referral_source"] { sources = try list.codes(ReferralSource.self) }
        }
        return NoOffending(
            window: try required("window").period(), dataLag: try keys["data_lag"]?.period() ?? .months(10),
            counted: try keys["offences"]?.code(NoOffending.Counted.self) ?? .all,
            lookbackDays: lookback, referralSources: sources)
    }
}
