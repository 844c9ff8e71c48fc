import PbRCore
import Yams

extension ContractLoader {
    /// Whether an outcome's node is a cohort outcome (`kind: cohort_rate`), which the loader keeps apart
    /// from the outcomes evaluated client by client.
    static func isCohortOutcome(_ node: ContractNode) -> Bool {
        node.node.mapping?["kind"]?.scalar?.string == "cohort_rate"
    }

    /// A `cohort_rate` outcome: which journeys form a cohort, the test each member is put to, what the
    /// cohort's rate is compared with, and what it pays.
    static func cohortOutcome(_ node: ContractNode) throws(ContractError) -> CohortOutcome {
        let keys = try node.mapping(allowed: [
            "id", "domain", "stage", "kind", "cohort", "members", "test", "within", "representation_within", "data_lag",
            "baseline", "threshold", "pays", "price_per_point", "cap", "net_of",
        ])
        func required(_ key: String) throws(ContractError) -> ContractNode {
            guard let value = keys[key] else { throw ContractError(path: node.path + "." + key, line: node.line, reason: "is required") }
            return value
        }
        let test = try required("test").code(CohortOutcome.Test.self)
        if let node = keys["representation_within"], test != .completedWithoutRepresentation {
            throw node.fail("goes with test: completed_without_representation")
        }
        let cap = try keys["cap"].flatMap { (node) throws(ContractError) in node.isNull ? nil : try node.money() }
        return CohortOutcome(
            id: OutcomeID(try required("id").string()), domain: try required("domain").code(OutcomeRule.Domain.self),
            stage: try keys["stage"]?.code(OutcomeRule.Stage.self) ?? .final,
            grouping: try required("cohort").code(CohortOutcome.Grouping.self),
            members: try keys["members"]?.code(CohortOutcome.Members.self) ?? .all, test: test,
            within: try required("within").period(),
            representationWithin: try keys["representation_within"]?.period() ?? .months(6),
            dataLag: try keys["data_lag"]?.period() ?? .months(0), baseline: try baseline(required("baseline")),
            threshold: try keys["threshold"].map { (node) throws(ContractError) in try threshold(node) } ?? .points(basisPoints: 0),
            pays: try keys["pays"]?.code(CohortOutcome.Pays.self) ?? .pointsAboveThreshold,
            pricePerPoint: try required("price_per_point").money(), cap: cap,
            netOf: try keys["net_of"].map { (node) throws(ContractError) in OutcomeID(try node.string()) })
    }

    /// `45%`, `{measured: 24 months}` or `{by_cohort: {2012/13: 41.5%, ...}}`.
    private static func baseline(_ node: ContractNode) throws(ContractError) -> CohortOutcome.Baseline {
        guard node.node.mapping != nil else { return .stated(basisPoints: try node.percent()) }
        let keys = try node.mapping(allowed: ["measured", "by_cohort"])
        guard keys.count == 1 else { throw node.fail("name one of measured: N months or by_cohort: {LABEL: N%, ...}") }
        if let measured = keys["measured"] {
            guard case .months(let months) = try measured.period(), months > 0 else {
                throw measured.fail("the months before the contract to measure on, e.g. 24 months")
            }
            return .measured(months: months)
        }
        var rates: [String: Int] = [:]
        for (label, rate) in try keys["by_cohort"]!.mapping(allowed: nil) { rates[label] = try rate.percent() }
        return .byCohort(rates)
    }

    /// `{points: 5}` or `{fewer_failures: 10%}`.
    private static func threshold(_ node: ContractNode) throws(ContractError) -> CohortOutcome.Threshold {
        let keys = try node.mapping(allowed: ["points", "fewer_failures"])
        guard keys.count == 1 else { throw node.fail("name one of points: N or fewer_failures: N%") }
        if let share = keys["fewer_failures"] { return .fewerFailures(basisPoints: try share.percent()) }
        let points = keys["points"]!
        guard let value = Money(pounds: try points.string()), value >= .zero, value.pence <= 10_000 else {
            throw points.fail("percentage points from 0 to 100, at most two decimals, e.g. 5 or 2.5")
        }
        return .points(basisPoints: Int(value.pence))
    }

    /// What the loader checks across a contract's cohort outcomes (`nodes` in the same order): `net_of`
    /// names another cohort outcome that is paid net of none, and every `by_cohort` label is a cohort.
    static func checkCohorts(_ contract: Contract, nodes: [ContractNode]) throws(ContractError) {
        for (outcome, node) in zip(contract.cohortOutcomes, nodes) {
            let keys = try node.mapping(allowed: nil)
            if let other = outcome.netOf, let netOf = keys["net_of"] {
                guard let target = contract.cohortOutcomes.first(where: { $0.id == other }), target.id != outcome.id else {
                    throw netOf.fail("no other cohort outcome '\(other)' in this contract")
                }
                guard target.netOf == nil else { throw netOf.fail("'\(other)' is itself paid net of another outcome") }
            }
            if case .byCohort(let rates) = outcome.baseline, let baseline = keys["baseline"] {
                let labels = contract.cohortPeriods(outcome.grouping).map(\.label)
                if let unknown = rates.keys.sorted().first(where: { !labels.contains($0) }) {
                    throw baseline.fail("'\(unknown)' is not one of the cohorts (\(labels.joined(separator: ", ")))")
                }
            }
        }
    }
}
