extension TopCondition {
    /// Parses `FIELD OP VALUE`; VALUE is a whole number, `Y`, `N`, `baseline`, `baseline + n` or
    /// `baseline * p%`. Returns a reason when the text is not a condition.
    public static func parse(_ text: String) -> Result<TopCondition, ConditionError> {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard tokens.count == 3 || tokens.count == 5 else {
            return .failure(ConditionError(text: text, reason: "expected 'field op value', e.g. 'injected_days = 0'"))
        }
        let subject: Subject
        switch tokens[0] {
        case "every_presenting_days": subject = .everyPresenting
        case "any_presenting_days": subject = .anyPresenting
        case "every_presenting_except_alcohol_days": subject = .everyPresentingExceptAlcohol
        default:
            guard let field = TopField(rawValue: tokens[0]) else {
                return .failure(ConditionError(text: text, reason: "unknown TOP field '\(tokens[0])'"))
            }
            subject = .field(field)
        }
        guard let comparison = Comparison(rawValue: tokens[1]) else {
            return .failure(ConditionError(text: text, reason: "unknown comparison '\(tokens[1])'"))
        }
        let operand: Operand
        if tokens.count == 3 {
            switch tokens[2] {
            case "Y": operand = .constant(1)
            case "N": operand = .constant(0)
            case "baseline": operand = .baselinePlus(0)
            default:
                guard let n = Int32(tokens[2]) else {
                    return .failure(ConditionError(text: text, reason: "'\(tokens[2])' is not a number, Y, N or baseline"))
                }
                operand = .constant(n)
            }
        } else {
            guard tokens[2] == "baseline" else {
                return .failure(ConditionError(text: text, reason: "only 'baseline + n' or 'baseline * p%' may have an operator"))
            }
            switch tokens[3] {
            case "+":
                guard let n = Int32(tokens[4]) else { return .failure(ConditionError(text: text, reason: "'\(tokens[4])' is not a number")) }
                operand = .baselinePlus(n)
            case "*":
                guard tokens[4].hasSuffix("%"), let p = Int32(tokens[4].dropLast()), p >= 0 else {
                    return .failure(ConditionError(text: text, reason: "'\(tokens[4])' is not a percentage like 50%"))
                }
                operand = .baselinePercent(p)
            default:
                return .failure(ConditionError(text: text, reason: "use 'baseline + n' or 'baseline * p%'"))
            }
        }
        return .success(TopCondition(subject: subject, comparison: comparison, operand: operand, text: text))
    }
}

public struct ConditionError: Error, Equatable, Sendable {
    public let text: String
    public let reason: String
}
