/// Writes RFC 4180 CSV into a byte buffer: a field is quoted only when it holds a comma, a quote or a
/// line break. Bytes, not string concatenation: an entitlements file can have a million lines.
public struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    /// - Parameter expectedBytes: room to reserve, so a large file is not copied as it grows.
    public init(header: [String], expectedBytes: Int = 0) {
        bytes.reserveCapacity(expectedBytes)
        append(header)
    }

    /// A writer of rows that follow another writer's (a later part of the same file): no header.
    public init(continuingWith expectedBytes: Int) {
        bytes.reserveCapacity(expectedBytes)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(.comma) }
            append(field: field)
        }
        bytes.append(.lf)
    }

    /// Appends a row field by field, without building an array for it: `row { $0.field(a); $0.field(b) }`.
    public mutating func row(_ fields: (inout RowBuilder) -> Void) {
        var builder = RowBuilder()
        swap(&builder.bytes, &bytes)  // move the buffer in and out: a copy would copy the whole file so far
        fields(&builder)
        swap(&builder.bytes, &bytes)
        bytes.append(.lf)
    }

    public struct RowBuilder {
        var bytes: [UInt8] = []
        private var first = true

        public mutating func field(_ text: String) {
            separate()
            CSVWriter.append(field: text, to: &bytes)
        }

        /// The comma before every field but the first.
        mutating func separate() {
            if !first { bytes.append(.comma) }
            first = false
        }
    }

    private mutating func append(field: String) { Self.append(field: field, to: &bytes) }

    /// The field's bytes, read in place (a native string's are contiguous): a million-line file has ten
    /// million fields, and the generic `utf8` view walked twice was a tenth of its writing.
    fileprivate static func append(field: String, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == .comma || $0 == .quote || $0 == .lf || $0 == .cr }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(.quote)
            for byte in utf8 {
                if byte == .quote { bytes.append(.quote) }
                bytes.append(byte)
            }
            bytes.append(.quote)
        }
    }
}
