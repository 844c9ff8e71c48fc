import PbRCore
import Yams

/// A YAML node with the path that leads to it, so that every mistake names its key.
struct ContractNode {
    let node: Node
    let path: String

    var line: Int? { node.mark?.line }

    func fail(_ reason: String) -> ContractError { ContractError(path: path, line: line, reason: reason) }

    /// The node's keys, refusing any not in `allowed` (a typo must not pass silently); nil allows any key
    /// (a mapping keyed by provider).
    func mapping(allowed: Set<String>?) throws(ContractError) -> [String: ContractNode] {
        guard let mapping = node.mapping else { throw fail("expected a mapping of keys") }
        var result: [String: ContractNode] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw fail("a key must be text") }
            let child = ContractNode(node: value, path: path.isEmpty ? name : path + "." + name)
            guard let allowed else { result[name] = child; continue }
            guard allowed.contains(name) else {
                throw child.fail("unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            result[name] = child
        }
        return result
    }

    func list() throws(ContractError) -> [ContractNode] {
        guard let sequence = node.sequence else { throw fail("expected a list") }
        return sequence.enumerated().map { ContractNode(node: $1, path: path + "[\($0)]") }
    }

    func string() throws(ContractError) -> String {
        guard let text = node.scalar?.string else { throw fail("expected a value") }
        return text
    }

    var isNull: Bool { node.scalar.map { ["~", "null", ""].contains($0.string) } ?? false }

    func day() throws(ContractError) -> Day {
        let text = try string()
        guard let day = Day(iso: text) else { throw fail("'\(text)' is not a date (YYYY-MM-DD) that exists") }
        return day
    }

    func integer() throws(ContractError) -> Int {
        let text = try string()
        guard let value = Int(text) else { throw fail("'\(text)' is not a whole number") }
        return value
    }

    func money() throws(ContractError) -> Money {
        let text = try string()
        guard let money = Money(pounds: text), money >= .zero else {
            throw fail("'\(text)' is not an amount in pounds with at most two decimals, e.g. 300.00")
        }
        return money
    }

    /// `25%` or `12.5%` as basis points.
    func percent() throws(ContractError) -> Int {
        let text = try string()
        guard let basisPoints = Percent.basisPoints(text) else { throw fail("'\(text)' is not a percentage from 0% to 100%, e.g. 25%") }
        return basisPoints
    }

    /// `28 days`, `6 months`, `1 month`.
    func period() throws(ContractError) -> Period {
        let text = try string()
        let words = text.split(separator: " ")
        guard words.count == 2, let n = Int(words[0]), n >= 0 else {
            throw fail("'\(text)' is not a period like '28 days' or '6 months'")
        }
        switch words[1] {
        case "day", "days": return .days(n)
        case "month", "months": return .months(n)
        default: throw fail("'\(text)': the unit must be days or months")
        }
    }

    func code<Code: RawRepresentable & CaseIterable>(_: Code.Type) throws(ContractError) -> Code where Code.RawValue == String {
        let text = try string()
        guard let code = Code(rawValue: text) else {
            throw fail("unknown value '\(text)' (expected one of: \(Code.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return code
    }

    func codes<Code: RawRepresentable & CaseIterable>(_ type: Code.Type) throws(ContractError) -> [Code] where Code.RawValue == String {
        var result: [Code] = []
        for item in try list() { result.append(try item.code(type)) }
        return result
    }

    func conditions() throws(ContractError) -> [TopCondition] {
        var result: [TopCondition] = []
        for item in try list() {
            switch TopCondition.parse(try item.string()) {
            case .success(let condition): result.append(condition)
            case .failure(let error): throw item.fail(error.reason)
            }
        }
        return result
    }
}
