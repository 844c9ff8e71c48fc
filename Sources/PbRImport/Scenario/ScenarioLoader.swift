import PbRCore
import PbRSimulation
import Yams

/// Reads a simulation scenario (`pbr simulate --scenario FILE`): any of `CohortModel`'s parameters, the
/// others keeping their defaults (docs/simulation.md lists them with their sources). Chances are
/// percentages with at most two decimals; mixes (`bands`, `presenting`) add up to 100%. Mistakes are
/// refused with the key's path, its line and the reason.
public enum ScenarioLoader {
    public static func parse(_ text: String) throws(ScenarioError) -> CohortModel {
        do {
            return try read(text)
        } catch {
            throw ScenarioError(path: error.path, line: error.line, reason: error.reason)
        }
    }

    private static func read(_ text: String) throws(ContractError) -> CohortModel {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ContractError(path: "", line: nil, reason: "not valid YAML: \(error)")
        }
        var model = CohortModel()
        guard let root else { return model }
        let chances = CohortModel.chances.filter { !$0.key.contains(".") }
        let monthly = CohortModel.chances.filter { $0.key.hasPrefix("monthly.") }
        let top = try ContractNode(node: root, path: "").mapping(allowed: Set(chances.map(\.key) + [
            "providers", "referrals_per_month", "referral_counts", "referral_months", "max_wait", "bands", "presenting", "review_every", "monthly",
            "payment_lag", "data_lag", "monthly_cost", "working_capital_confidence", "investment",
        ]))
        if let node = top["providers"] {
            model.providers = try node.list().map { (item) throws(ContractError) in ProviderID(try item.string()) }
            guard !model.providers.isEmpty else { throw node.fail("name at least one provider") }
            guard Set(model.providers).count == model.providers.count else { throw node.fail("a provider is named twice") }
        }
        if let node = top["referrals_per_month"] { model.referralsPerMonth = try count(node, in: 0...100_000) }
        if let node = top["referral_counts"] {
            let text = try node.string()
            guard ["poisson", "fixed"].contains(text) else { throw node.fail("expected poisson (the default) or fixed") }
            model.referralsVary = text == "poisson"
        }
        if let node = top["referral_months"] { model.referralMonths = try count(node, in: 1...600) }
        if let node = top["max_wait"] { model.maxWaitDays = try days(node) }
        if let node = top["payment_lag"] { model.paymentLagDays = try lag(node) }
        if let node = top["data_lag"] { model.dataLagDays = try lag(node) }
        if let node = top["review_every"] {
            guard case .months(let months) = try node.period(), months > 0 else { throw node.fail("counted in months, e.g. 3 months") }
            model.reviewEveryMonths = months
        }
        for (key, path) in chances { if let node = top[key] { model[keyPath: path] = try node.percent() } }
        if let node = top["monthly"] {
            let keys = try node.mapping(allowed: Set(monthly.map { String($0.key.dropFirst("monthly.".count)) }))
            for (key, path) in monthly { if let item = keys[String(key.dropFirst("monthly.".count))] { model[keyPath: path] = try item.percent() } }
        }
        if let node = top["bands"] { model.bandWeights = try bands(node) }
        if let node = top["presenting"] { model.presenting = try presenting(node) }
        if let node = top["monthly_cost"] {
            for (name, item) in try node.mapping(allowed: nil) {
                guard model.providers.contains(ProviderID(name)) else { throw item.fail("'\(name)' is not one of the scenario's providers") }
                model.monthlyCost[ProviderID(name)] = try item.money()
            }
        }
        if let node = top["working_capital_confidence"] {
            model.workingCapitalConfidenceBasisPoints = try node.percent()
            guard model.workingCapitalConfidenceBasisPoints > 0 else { throw node.fail("a confidence above 0%, e.g. 95%") }
        }
        if let node = top["investment"] { model.investment = try investment(node) }
        return model
    }

    /// `{payee: P01, amount: 500000.00, interest: 8%, repayment_share: 50%}`, and `drawn_over: 12 months`
    /// for a loan drawn in parts.
    private static func investment(_ node: ContractNode) throws(ContractError) -> CohortModel.Investment {
        let keys = try node.mapping(allowed: ["payee", "amount", "interest", "repayment_share", "drawn_over"])
        guard let payee = keys["payee"], let amount = keys["amount"], let interest = keys["interest"], let share = keys["repayment_share"] else {
            throw node.fail("an investment needs payee, amount, interest and repayment_share")
        }
        var investment = CohortModel.Investment(payee: ProviderID(try payee.string()), amount: try amount.money(),
                                                interestBasisPoints: try interest.percent(), repaymentBasisPoints: try share.percent())
        guard investment.repaymentBasisPoints > 0 else { throw share.fail("a loan repaid from no share of the payments is never repaid") }
        if let node = keys["drawn_over"] {
            guard case .months(let months) = try node.period(), (1...120).contains(months) else {
                throw node.fail("counted in months, 1 to 120, e.g. 12 months")
            }
            investment.drawnOverMonths = months
        }
        return investment
    }

    private static func count(_ node: ContractNode, in range: ClosedRange<Int>) throws(ContractError) -> Int {
        let value = try node.integer()
        guard range.contains(value) else { throw node.fail("\(value) is outside \(range.lowerBound)...\(range.upperBound)") }
        return value
    }

    /// A lag of at most ten years: any longer is a mistake, and would run past every calendar.
    private static func lag(_ node: ContractNode) throws(ContractError) -> Int {
        let days = try days(node)
        guard days <= 3_650 else { throw node.fail("\(days) days is more than ten years") }
        return days
    }

    private static func days(_ node: ContractNode) throws(ContractError) -> Int {
        guard case .days(let days) = try node.period() else { throw node.fail("counted in days, e.g. 30 days") }
        return days
    }

    /// `{1: 20%, 2: 25%, ...}`: a band not named has none; the shares add up to 100%.
    private static func bands(_ node: ContractNode) throws(ContractError) -> [Int] {
        var weights = [0, 0, 0, 0, 0]
        for (name, item) in try node.mapping(allowed: Set(Band.all.map(\.description))) {
            weights[Int(name)! - 1] = try item.percent()
        }
        try hundred(weights.reduce(0, +), node)
        return weights
    }

    /// `{opiates+crack: 30%, alcohol: 12%, ...}`: each set of substances joined by `+`.
    private static func presenting(_ node: ContractNode) throws(ContractError) -> [CohortModel.PresentingMix] {
        var mix: [CohortModel.PresentingMix] = []
        for (name, item) in try node.mapping(allowed: nil).sorted(by: { $0.key < $1.key }) {
            var substances: [Substance] = []
            for part in name.split(separator: "+") {
                guard let substance = Substance(rawValue: String(part)) else {
                    throw item.fail("unknown substance '\(part)' (expected one of: \(Substance.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard !substances.contains(substance) else { throw item.fail("'\(part)' is named twice") }
                substances.append(substance)
            }
            guard (1...3).contains(substances.count) else { throw item.fail("one to three substances, joined by +") }
            mix.append(.init(substances, try item.percent()))
        }
        try hundred(mix.reduce(0) { $0 + $1.weight }, node)
        return mix
    }

    private static func hundred(_ basisPoints: Int, _ node: ContractNode) throws(ContractError) {
        guard basisPoints == 10_000 else {
            throw node.fail("the shares add up to \(Percent.text(basisPoints: basisPoints)), not 100%")
        }
    }
}

/// A scenario file with a mistake: the path to the bad key, its line and why.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let reason: String

    public var description: String {
        (path.isEmpty ? "scenario" : path) + (line.map { " (line \($0))" } ?? "") + ": " + reason
    }
}
