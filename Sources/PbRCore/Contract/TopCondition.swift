/// A test on one TOP's answers, as a contract writes it: `injected_days = 0`, `acute_housing = N`,
/// `quality_of_life >= baseline + 4`, `alcohol_days <= baseline * 50%`, `every_presenting_days = 0`.
///
/// An unknown answer (or an unknown baseline answer) never satisfies a condition, in either direction.
public struct TopCondition: Hashable, Sendable, CustomStringConvertible {
    public enum Subject: Hashable, Sendable {
        case field(TopField)
        /// Each of the journey's presenting substances (true when there are none).
        case everyPresenting
        /// At least one of the journey's presenting substances.
        case anyPresenting
        /// Each presenting substance other than alcohol (true when there are none).
        case everyPresentingExceptAlcohol
    }

    public enum Comparison: String, Hashable, Sendable, CaseIterable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

        func holds(_ lhs: Int32, _ rhs: Int32) -> Bool {
            switch self {
            case .equal: lhs == rhs
            case .notEqual: lhs != rhs
            case .less: lhs < rhs
            case .lessOrEqual: lhs <= rhs
            case .greater: lhs > rhs
            case .greaterOrEqual: lhs >= rhs
            }
        }
    }

    public enum Operand: Hashable, Sendable {
        case constant(Int32)
        /// The same field at the baseline plus `n`.
        case baselinePlus(Int32)
        /// The same field at the baseline times `percent`/100, rounded down.
        case baselinePercent(Int32)
    }

    public var subject: Subject
    public var comparison: Comparison
    public var operand: Operand
    public let text: String

    public init(subject: Subject, comparison: Comparison, operand: Operand, text: String) {
        self.subject = subject; self.comparison = comparison; self.operand = operand; self.text = text
    }

    public var description: String { text }

    /// True when the TOP satisfies the condition.
    /// - Parameters:
    ///   - values: the TOP being tested.
    ///   - baseline: the journey's baseline answers, for operands that refer to it.
    ///   - presenting: the journey's presenting substances.
    public func holds(for values: TopValues, baseline: TopValues?, presenting: [Substance]) -> Bool {
        switch subject {
        case .field(let field): holds(field, values, baseline)
        case .everyPresenting: presenting.allSatisfy { holds($0.topField, values, baseline) }
        case .anyPresenting: presenting.contains { holds($0.topField, values, baseline) }
        case .everyPresentingExceptAlcohol:
            presenting.allSatisfy { $0 == .alcohol || holds($0.topField, values, baseline) }
        }
    }

    private func holds(_ field: TopField, _ values: TopValues, _ baseline: TopValues?) -> Bool {
        guard let value = values[field] else { return false }
        let target: Int32
        switch operand {
        case .constant(let c): target = c
        case .baselinePlus(let n):
            guard let base = baseline?[field] else { return false }
            target = base + n
        case .baselinePercent(let percent):
            guard let base = baseline?[field] else { return false }
            target = base * percent / 100
        }
        return comparison.holds(value, target)
    }
}
