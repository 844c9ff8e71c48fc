/// Reads one CSV row's fields by column name, collecting every defect instead of stopping at the first.
public struct FieldReader {
    let fields: [String]
    let columns: [String: Int]
    public private(set) var issues: [(column: String, reason: String)] = []

    public init(fields: [String], columns: [String: Int]) {
        self.fields = fields
        self.columns = columns
    }

    /// The field's text; empty when the column is absent (only optional columns may be).
    public func text(_ column: String) -> String {
        guard let index = columns[column], index < fields.count else { return "" }
        return fields[index]
    }

    mutating func fail(_ column: String, _ reason: String) { issues.append((column, reason)) }

    mutating func required(_ column: String) -> String? {
        let value = text(column)
        if value.isEmpty { fail(column, "is required") }
        return value.isEmpty ? nil : value
    }

    mutating func day(_ column: String, required: Bool = false) -> Day? {
        let value = text(column)
        if value.isEmpty {
            if required { fail(column, "is required") }
            return nil
        }
        guard let day = Day(iso: value) else {
            fail(column, "'\(value)' is not a date (YYYY-MM-DD) that exists")
            return nil
        }
        return day
    }

    mutating func code<Code: RawRepresentable & CaseIterable>(_ column: String, _: Code.Type, required: Bool = false) -> Code?
    where Code.RawValue == String {
        let value = text(column)
        if value.isEmpty {
            if required { fail(column, "is required") }
            return nil
        }
        guard let code = Code(rawValue: value) else {
            let allowed = Code.allCases.map(\.rawValue).joined(separator: ", ")
            fail(column, "unknown code '\(value)' (expected one of: \(allowed))")
            return nil
        }
        return code
    }

    mutating func integer(_ column: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        let value = text(column)
        if value.isEmpty {
            if required { fail(column, "is required") }
            return nil
        }
        guard value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), value.utf8.count <= 9, let number = Int(value) else {
            fail(column, "'\(value)' is not a whole number")
            return nil
        }
        guard range.contains(number) else {
            fail(column, "\(number) is outside \(range.lowerBound)..\(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func flag(_ column: String) -> Bool? {
        switch text(column) {
        case "": return nil
        case "Y": return true
        case "N": return false
        case let value:
            fail(column, "'\(value)' is not Y or N")
            return nil
        }
    }
}
