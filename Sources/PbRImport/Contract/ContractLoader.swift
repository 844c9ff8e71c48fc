import Foundation
import PbRCore
import Yams

/// Reads a contract from YAML and checks it whole: unknown keys, kinds and codes, a band without a
/// price, a malformed period ("6 moths") are refused with the path to the bad key.
public enum ContractLoader {
    public static func load(file: URL) throws -> Contract {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw ContractError(path: "", line: nil, reason: "cannot read \(file.path): \(error.localizedDescription)")
        }
        return try parse(text)
    }

    public static func parse(_ text: String) throws(ContractError) -> Contract {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ContractError(path: "", line: nil, reason: "not valid YAML: \(error)")
        }
        guard let root else { throw ContractError(path: "", line: nil, reason: "the file is empty") }
        let top = try ContractNode(node: root, path: "").mapping(allowed: [
            "id", "name", "start", "outcomes_until", "year_starts", "journey_gap", "prime_provider",
            "finance", "caps", "exclusive_groups", "outcomes", "effective_from", "other_programmes",
            "providers", "takes_clients_in_treatment", "paid_once_with", "reviews_due_every", "banding",
        ])
        func required(_ key: String) throws(ContractError) -> ContractNode {
            guard let node = top[key] else { throw ContractError(path: key, line: nil, reason: "is required") }
            return node
        }
        let start = try required("start").day()
        let outcomesUntil = try required("outcomes_until").day()
        guard outcomesUntil >= start else { throw try required("outcomes_until").fail("is before the contract's start") }
        var yearStart = (month: 4, day: 1)
        if let node = top["year_starts"] {
            let parts = try node.string().split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1...12).contains(parts[0]), (1...28).contains(parts[1]) else {
                throw node.fail("expected MM-DD, e.g. 04-01 (a day up to 28, so every year has it)")
            }
            yearStart = (parts[0], parts[1])
        }
        var gap = 21
        if let node = top["journey_gap"] {
            guard case .days(let days) = try node.period() else { throw node.fail("the journey gap is counted in days") }
            gap = days
        }
        let outcomeNodes = try required("outcomes").list()
        let outcomes = try outcomeNodes.filter { !isCohortOutcome($0) }.map { (node) throws(ContractError) in try outcome(node) }
        let cohortNodes = outcomeNodes.filter(isCohortOutcome)
        let cohortOutcomes = try cohortNodes.map { (node) throws(ContractError) in try cohortOutcome(node) }
        try checkUnique((outcomes.map(\.id) + cohortOutcomes.map(\.id)).map(\.rawValue), under: required("outcomes"))
        let groups = try top["exclusive_groups"].map { (node) throws(ContractError) in try exclusiveGroups(node, outcomes) } ?? []
        let caps = try top["caps"].map { (node) throws(ContractError) in try self.caps(node, outcomes) } ?? []
        let prime = try top["prime_provider"].flatMap { (node) throws(ContractError) in
            node.isNull ? nil : ProviderID(try node.string())
        }
        let finance = try top["finance"].map { (node) throws(ContractError) in try self.finance(node) } ?? Finance()
        let effectiveFrom = try top["effective_from"].map { (node) throws(ContractError) in try node.day() }
        if let effectiveFrom, let node = top["effective_from"], effectiveFrom <= start {
            throw node.fail("an amendment takes effect after the contract's start (\(start)); a first version names no effective_from")
        }
        var contract = Contract(
            id: try required("id").string(), name: try top["name"]?.string() ?? "", start: start,
            outcomesUntil: outcomesUntil, yearStartMonth: yearStart.month, yearStartDay: yearStart.day,
            journeyGapDays: gap, primeProvider: prime, outcomes: outcomes, exclusiveGroups: groups, caps: caps,
            finance: finance, effectiveFrom: effectiveFrom)
        contract.cohortOutcomes = cohortOutcomes
        try checkCohorts(contract, nodes: cohortNodes)
        if let node = top["providers"] {
            contract.providers = Set(try node.list().map { (item) throws(ContractError) in ProviderID(try item.string()) })
        }
        if let node = top["takes_clients_in_treatment"] {
            let text = try node.string()
            guard ["true", "false"].contains(text) else { throw node.fail("expected true or false") }
            contract.takesClientsInTreatment = text == "true"
        }
        if let node = top["paid_once_with"] {
            let items = try node.list()
            contract.paidOnceWith = try items.map { (item) throws(ContractError) in try item.string() }
            for (index, id) in contract.paidOnceWith.enumerated() {
                if id == contract.id { throw items[index].fail("a contract does not share its results with itself") }
                if contract.paidOnceWith[..<index].contains(id) { throw items[index].fail("'\(id)' is named twice") }
            }
        }
        if let node = top["reviews_due_every"] {
            let period = try node.period()
            guard period != .days(0), period != .months(0) else { throw node.fail("a review falls due some time after the last, e.g. 6 months") }
            contract.reviewsDueEvery = period
        }
        contract.banding = try top["banding"].map { (node) throws(ContractError) in try banding(node) }
        contract.claimRules = try top["other_programmes"].map { (node) throws(ContractError) in try claimRules(node, outcomes) } ?? []
        return contract
    }

    /// `other_programmes`: `{programme: work_programme, claim: job_outcome, blocks: D2-work-activity, within: 180 days}`,
    /// or `reduces: OUTCOME, by: 50%` instead of `blocks`.
    private static func claimRules(_ node: ContractNode, _ outcomes: [OutcomeRule]) throws(ContractError) -> [ClaimRule] {
        var rules: [ClaimRule] = []
        for item in try node.list() {
            let keys = try item.mapping(allowed: ["programme", "claim", "blocks", "reduces", "by", "within"])
            guard let programme = keys["programme"], let claim = keys["claim"], let within = keys["within"] else {
                throw item.fail("an entry needs programme, claim and within, and blocks: OUTCOME or reduces: OUTCOME with by: N%")
            }
            guard (keys["blocks"] == nil) != (keys["reduces"] == nil), let target = keys["blocks"] ?? keys["reduces"] else {
                throw item.fail("name one of blocks: OUTCOME or reduces: OUTCOME")
            }
            let id = try target.string()
            guard outcomes.contains(where: { $0.id.rawValue == id }) else { throw target.fail("no outcome '\(id)' in this contract") }
            guard case .days(let days) = try within.period() else { throw within.fail("counted in days, e.g. 180 days") }
            var reduction: Int?
            if keys["reduces"] != nil {
                guard let by = keys["by"] else { throw item.fail("reduces needs by: N%") }
                reduction = try by.percent()
            } else if let by = keys["by"] {
                throw by.fail("by goes with reduces, not blocks")
            }
            rules.append(ClaimRule(programme: try programme.string(), claimOutcome: try claim.string(), outcome: OutcomeID(id),
                                   withinDays: days, reductionBasisPoints: reduction))
        }
        return rules
    }

    static func checkUnique(_ ids: [String], under node: ContractNode) throws(ContractError) {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            throw ContractError(path: node.path + "[\(index)].id", line: nil, reason: "'\(id)' is used twice")
        }
    }

    private static func exclusiveGroups(_ node: ContractNode, _ outcomes: [OutcomeRule]) throws(ContractError) -> [ExclusiveGroup] {
        var groups: [ExclusiveGroup] = []
        for item in try node.list() {
            let keys = try item.mapping(allowed: ["id", "outcomes"])
            guard let idNode = keys["id"], let membersNode = keys["outcomes"] else {
                throw item.fail("a group needs id and outcomes")
            }
            var members: [OutcomeID] = []
            for member in try membersNode.list() {
                let id = try member.string()
                guard let rule = outcomes.first(where: { $0.id.rawValue == id }) else {
                    throw member.fail("no outcome '\(id)' in this contract")
                }
                if case .completion = rule.kind { throw member.fail("an outcome paid in instalments cannot be in a group") }
                members.append(rule.id)
            }
            guard members.count >= 2 else { throw membersNode.fail("a group needs at least two outcomes") }
            groups.append(ExclusiveGroup(id: try idNode.string(), outcomes: members))
        }
        return groups
    }

    private static func caps(_ node: ContractNode, _ outcomes: [OutcomeRule]) throws(ContractError) -> [Cap] {
        var caps: [Cap] = []
        for item in try node.list() {
            let keys = try item.mapping(allowed: ["outcome", "per_year", "per_client"])
            guard (keys["per_year"] == nil) != (keys["per_client"] == nil), let amount = keys["per_year"] ?? keys["per_client"] else {
                throw item.fail("a cap needs per_year (across clients in a contract year) or per_client (one client over the contract)")
            }
            var outcome: OutcomeID?
            if let outcomeNode = keys["outcome"], !outcomeNode.isNull {
                let id = try outcomeNode.string()
                guard id == "all" || outcomes.contains(where: { $0.id.rawValue == id }) else {
                    throw outcomeNode.fail("no outcome '\(id)' in this contract (or 'all')")
                }
                outcome = id == "all" ? nil : OutcomeID(id)
            }
            caps.append(keys["per_client"] == nil ? Cap(outcome: outcome, perYear: try amount.money())
                                                  : Cap(outcome: outcome, perClient: try amount.money()))
        }
        return caps
    }

    private static func finance(_ node: ContractNode) throws(ContractError) -> Finance {
        let keys = try node.mapping(allowed: ["remainder", "years", "attachment_fees", "block_shares"])
        var finance = Finance()
        if let remainder = keys["remainder"] {
            let text = try remainder.string()
            guard ["monthly_block", "attachment", "none"].contains(text) else {
                throw remainder.fail("expected monthly_block, attachment or none")
            }
            finance.remainder = text
        }
        for item in try keys["years"]?.list() ?? [] {
            let year = try item.mapping(allowed: ["from", "annual_value", "results_share"])
            guard let from = year["from"], let value = year["annual_value"], let share = year["results_share"] else {
                throw item.fail("a year needs from, annual_value and results_share")
            }
            finance.years.append(.init(from: try from.day(), annualValue: try value.money(),
                                       resultsShareBasisPoints: try share.percent()))
        }
        if let fees = keys["attachment_fees"] { finance.attachmentFees = try prices(fees) }
        if let shares = keys["block_shares"] {
            for (provider, share) in try shares.mapping(allowed: nil) { finance.blockShares[ProviderID(provider)] = try share.percent() }
            let total = finance.blockShares.values.reduce(0, +)
            guard total == 10_000 else { throw shares.fail("the providers' shares add up to \(Money(pence: Int64(total)))%, not 100%") }
        }
        return finance
    }

    /// A price for every band 1..5.
    static func prices(_ node: ContractNode) throws(ContractError) -> [Band: Money] {
        let keys = try node.mapping(allowed: Set(Band.range.map(String.init)))
        var prices: [Band: Money] = [:]
        for band in Band.all {
            guard let price = keys[band.description] else { throw node.fail("no price for band \(band)") }
            prices[band] = try price.money()
        }
        return prices
    }
}
