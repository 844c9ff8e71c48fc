import PbRCore
import Yams

/// Reads the stated rates of framework proofing from YAML (`pbr proof --rates FILE`):
///
/// ```yaml
/// rates:                       # every profile, where no adjustment says otherwise
///   D1-completed: 45%
/// adjustments:                 # in order: a later one wins for the outcomes it names
///   - when: {presenting_any: [opiates]}
///     rates: {D1-completed: 25%}
/// ```
///
/// `when` takes `presenting_any` and `presenting_exactly` (lists of substances), `offending`,
/// `injecting`, `housing_problem`, `in_work` (`Y` or `N`) and `bands` (a list of 1-5); every key given
/// must hold. Mistakes are refused with the key's path, its line and the reason.
public enum ProofRatesLoader {
    /// - Parameter outcomes: the outcomes a rate may name (the contract's); nil accepts any (the shipped
    ///   defaults serve every contract).
    public static func parse(_ text: String, outcomes: Set<OutcomeID>? = nil) throws(ProofRatesError) -> ProofRates {
        do {
            return try read(text, outcomes: outcomes)
        } catch {
            throw ProofRatesError(path: error.path, line: error.line, reason: error.reason)
        }
    }

    private static func read(_ text: String, outcomes: Set<OutcomeID>?) throws(ContractError) -> ProofRates {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ContractError(path: "", line: nil, reason: "not valid YAML: \(error)")
        }
        guard let root else { throw ContractError(path: "", line: nil, reason: "the file is empty") }
        let top = try ContractNode(node: root, path: "").mapping(allowed: ["rates", "adjustments"])
        guard let base = top["rates"] else { throw ContractError(path: "rates", line: nil, reason: "is required") }
        var adjustments: [ProofRates.Adjustment] = []
        for item in try top["adjustments"]?.list() ?? [] {
            let keys = try item.mapping(allowed: ["when", "rates"])
            guard let when = keys["when"] else { throw item.fail("an adjustment needs `when`") }
            guard let rates = keys["rates"] else { throw item.fail("an adjustment needs `rates`") }
            adjustments.append(.init(when: try condition(when), basisPoints: try self.rates(rates, outcomes: outcomes)))
        }
        return ProofRates(base: try rates(base, outcomes: outcomes), adjustments: adjustments)
    }

    private static func rates(_ node: ContractNode, outcomes: Set<OutcomeID>?) throws(ContractError) -> [OutcomeID: Int] {
        var result: [OutcomeID: Int] = [:]
        for (name, value) in try node.mapping(allowed: nil) {
            let id = OutcomeID(name)
            if let outcomes, !outcomes.contains(id) {
                throw value.fail("not an outcome of the contract (its outcomes: \(outcomes.sorted().map(\.rawValue).joined(separator: ", ")))")
            }
            result[id] = try value.percent()
        }
        return result
    }

    private static func condition(_ node: ContractNode) throws(ContractError) -> ProofRates.Condition {
        let keys = try node.mapping(allowed: ["presenting_any", "presenting_exactly", "offending", "injecting",
                                              "housing_problem", "in_work", "bands"])
        func flag(_ key: String) throws(ContractError) -> Bool? {
            guard let value = keys[key] else { return nil }
            switch try value.string() {
            case "Y": return true
            case "N": return false
            case let other: throw value.fail("'\(other)' is not Y or N")
            }
        }
        var condition = ProofRates.Condition()
        condition.presentingAny = try keys["presenting_any"]?.codes(Substance.self)
        condition.presentingExactly = try keys["presenting_exactly"].map { (node) throws(ContractError) in Set(try node.codes(Substance.self)) }
        condition.offending = try flag("offending")
        condition.injecting = try flag("injecting")
        condition.housingProblem = try flag("housing_problem")
        condition.inWork = try flag("in_work")
        if let bands = keys["bands"] {
            var set: Set<Band> = []
            for item in try bands.list() {
                guard let band = Band(try item.integer()) else { throw item.fail("a band is 1 to 5") }
                set.insert(band)
            }
            condition.bands = set
        }
        return condition
    }
}

/// A rates file with a mistake: the path to the bad key (`adjustments[1].rates.D1-completed`), its line
/// and why.
public struct ProofRatesError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let reason: String

    public var description: String {
        (path.isEmpty ? "rates" : path) + (line.map { " (line \($0))" } ?? "") + ": " + reason
    }
}
