/// A whole number as an extract gives one: ASCII digits only, at most nine of them (no sign, no white
/// space, nothing that could overflow). The one rule for `FieldReader.integer` and for the importer's
/// rows checked from their bytes.
public enum WholeNumber {
    /// The most digits a number may have.
    public static let maxDigits = 9

    /// The number `bytes` spell, or `nil` unless they are 1 to `maxDigits` ASCII digits. Inlinable: the
    /// importer reads every number of a national extract through it.
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= maxDigits else { return nil }
        var value = 0
        for byte in bytes {
            let digit = Int(byte) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `parse(_:)` of a text's UTF-8 bytes.
    public static func parse(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable(parse) ?? Array(text.utf8).withUnsafeBufferPointer(parse)
    }
}
