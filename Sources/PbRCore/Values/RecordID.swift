/// The `record_id` of an extract row: text, with DOMAIN.md's tie order. Whole numbers (ASCII digits)
/// come first, by value, then by text; every other id after them, by text (byte order).
public struct RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    private var isWholeNumber: Bool {
        !rawValue.isEmpty && rawValue.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        switch (lhs.isWholeNumber, rhs.isWholeNumber) {
        case (true, false): return true
        case (false, true): return false
        case (false, false): return lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
        case (true, true):
            let a = lhs.rawValue.utf8.drop { $0 == 48 }, b = rhs.rawValue.utf8.drop { $0 == 48 }
            if a.count != b.count { return a.count < b.count }
            if !a.elementsEqual(b) { return a.lexicographicallyPrecedes(b) }
            return lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
        }
    }
}
