/// Reads one CSV row's fields by column name, collecting every defect instead of stopping at the first.
///
/// A value is taken exactly as sent: one with spaces (or other white space) around it is refused, never
/// trimmed, in every column but the free-text ones (`detail`, `category`), which are kept as they are.
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

    /// The field's text unless it is empty (a defect when `required`) or has white space around it.
    private mutating func value(_ column: String, required: Bool) -> String? {
        let value = text(column)
        if value.isEmpty {
            if required { fail(column, "is required") }
            return nil
        }
        if Self.hasSurroundingSpace(value) {
            fail(column, "'\(value)' has surrounding spaces")
            return nil
        }
        return value
    }

    /// White space at either end: ASCII looked at byte by byte (every field of a national extract passes
    /// here), anything else (a no-break space) as characters.
    private static func hasSurroundingSpace(_ value: String) -> Bool {
        let first = value.utf8.first!, last = value.utf8.last!
        func space(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        if first < 0x80, last < 0x80 { return space(first) || space(last) }
        return value.first!.isWhitespace || value.last!.isWhitespace
    }

    /// An id or other value that must be given.
    public mutating func required(_ column: String) -> String? { value(column, required: true) }

    /// An id that may be empty: the empty text then.
    public mutating func identifier(_ column: String) -> String { value(column, required: false) ?? "" }

    mutating func day(_ column: String, required: Bool = false) -> Day? {
        guard let value = value(column, required: required) else { return nil }
        guard let day = Day(iso: value) else {
            fail(column, "'\(value)' is not a date (YYYY-MM-DD) that exists")
            return nil
        }
        return day
    }

    mutating func code<Code: RawRepresentable & CaseIterable>(_ column: String, _: Code.Type, required: Bool = false) -> Code?
    where Code.RawValue == String {
        guard let value = value(column, required: required) else { return nil }
        guard let code = Code(rawValue: value) else {
            let allowed = Code.allCases.map(\.rawValue).joined(separator: ", ")
            fail(column, "unknown code '\(value)' (expected one of: \(allowed))")
            return nil
        }
        return code
    }

    mutating func integer(_ column: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let value = value(column, required: required) else { return nil }
        guard let number = WholeNumber.parse(value) else {
            fail(column, "'\(value)' is not a whole number")
            return nil
        }
        guard range.contains(number) else {
            fail(column, "\(number) is outside \(range.lowerBound)..\(range.upperBound)")
            return nil
        }
        return number
    }

    public mutating func flag(_ column: String) -> Bool? {
        switch value(column, required: false) {
        case nil: return nil
        case "Y": return true
        case "N": return false
        case let value?:
            fail(column, "'\(value)' is not Y or N")
            return nil
        }
    }
}
