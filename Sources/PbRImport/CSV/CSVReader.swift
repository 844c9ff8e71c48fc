/// A byte-level RFC 4180 reader that knows where each record starts: error messages name the physical
/// line (a quoted field may span lines), and a rejected row is written back verbatim.
///
/// Why not a library: the CSV packages on hand give no line numbers or raw text per record, which
/// DOMAIN.md's error rules need (see BENCHMARKS.md for the reader's speed).
public struct CSVReader: Sendable {
    public struct Row: Sendable, Equatable {
        /// The physical line where the record starts (the header is line 1).
        public let line: Int
        public let fields: [String]
        /// Where the record stands in the bytes, without its line ending (see `text(of:)`).
        public let range: Range<Int>
    }

    private let bytes: [UInt8]
    private let end: Int
    /// The physical line where the record being read starts, and the field it is at.
    private var recordLine = 0, fieldIndex = 0
    /// Where the next record starts, and its physical line.
    public private(set) var position: Int
    public private(set) var line: Int

    public init(bytes: [UInt8]) {
        // A UTF-8 byte order mark is not part of the first field.
        self.init(bytes: bytes, range: (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)..<bytes.count, firstLine: 1)
    }

    /// Reads only the records that start in `range`, which must begin at a record's start on `firstLine`.
    public init(bytes: [UInt8], range: Range<Int>, firstLine: Int) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
        line = firstLine
    }

    /// The next record, or `nil` at the end. Blank lines hold no record and are passed over.
    public mutating func next() throws(CSVError) -> Row? {
        guard skipBlankLines() else { return nil }
        let startLine = line, start = position
        recordLine = line
        var fields: [String] = []
        var recordEnd = position
        try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in
            repeat {
                fieldIndex = fields.count
                fields.append(try readField(buffer))
            } while passComma(buffer, recordEnd: &recordEnd)
        }
        return Row(line: startLine, fields: fields, range: start..<recordEnd)
    }

    /// What `nextFields` found.
    public enum Fields: Equatable {
        /// A record: its fields' byte ranges are in the array given.
        case record(line: Int, range: Range<Int>)
        /// A record with a quoted field, not read: `next()` reads it.
        case quoted
        case end
    }

    /// The next record as its fields' byte ranges, which `fields` is filled with: no `String` is made.
    /// A record with a quoted field (whose text is not a range of the file) is left for `next()`.
    /// Refuses what `next()` refuses, with the same error.
    public mutating func nextFields(_ fields: inout [Range<Int>]) throws(CSVError) -> Fields {
        guard skipBlankLines() else { return .end }
        let startLine = line, start = position
        recordLine = line
        fields.removeAll(keepingCapacity: true)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> Fields in
            var recordEnd = position
            repeat {
                fieldIndex = fields.count
                // Nothing read so far has passed a line ending: going back to the start is enough.
                if position < buffer.count, buffer[position] == .quote { position = start; return .quoted }
                let (field, ascii) = try scanUnquoted(buffer)
                // Checked as `next()` checks it, for the same error; an ASCII field needs no check.
                if !ascii { _ = try text(UnsafeBufferPointer(rebasing: buffer[field])) }
                fields.append(field)
            } while passComma(buffer, recordEnd: &recordEnd)
            return .record(line: startLine, range: start..<recordEnd)
        }
    }

    /// The record's text as it stands in the file (its fields are valid UTF-8, so the row is too).
    public func text(of row: Row) -> String { String(decoding: bytes[row.range], as: UTF8.self) }

    private mutating func readField(_ buffer: UnsafeBufferPointer<UInt8>) throws(CSVError) -> String {
        guard position < buffer.count, buffer[position] == .quote else {
            let field = try scanUnquoted(buffer).range
            return try text(UnsafeBufferPointer(rebasing: buffer[field]))
        }
        let openedOn = line
        position += 1
        var value: [UInt8] = []
        while true {
            guard position < buffer.count else {
                throw CSVError(line: openedOn, reason: "a quoted field is not closed before the end of the file")
            }
            let byte = buffer[position]
            position += 1
            if byte == .quote {
                if position < buffer.count, buffer[position] == .quote {
                    value.append(.quote)
                    position += 1
                    continue
                }
                if position < buffer.count, ![UInt8.comma, .lf, .cr].contains(buffer[position]) {
                    throw CSVError(line: line, reason: "text after a closing quote")
                }
                return try value.withUnsafeBufferPointer { (value) throws(CSVError) in try text(value) }
            }
            if byte == .lf || (byte == .cr && (position >= buffer.count || buffer[position] != .lf)) { line += 1 }
            value.append(byte)
        }
    }

    /// Blank lines hold no record: passes over them. False at the end of the records to read.
    private mutating func skipBlankLines() -> Bool {
        while position < end, bytes[position] == .lf || bytes[position] == .cr {
            consumeLineEnd()
        }
        return position < end
    }

    /// Reads an unquoted field, up to its comma or line ending: where it is, and whether it is all ASCII.
    /// Both `next()` and `nextFields` read one this way, so that both refuse the same fields alike.
    @inline(__always)
    private mutating func scanUnquoted(_ buffer: UnsafeBufferPointer<UInt8>) throws(CSVError) -> (range: Range<Int>, ascii: Bool) {
        let start = position
        var high: UInt8 = 0
        while position < buffer.count {
            let byte = buffer[position]
            if byte == .comma || byte == .lf || byte == .cr { break }
            if byte == .quote { throw CSVError(line: line, reason: "a quote inside an unquoted field") }
            high |= byte
            position += 1
        }
        return (start..<position, high < 0x80)
    }

    /// After a field: passes its comma and says another field follows; or, at the record's end, sets
    /// `recordEnd` (where the record's text stops) and passes its line ending.
    @inline(__always)
    private mutating func passComma(_ buffer: UnsafeBufferPointer<UInt8>, recordEnd: inout Int) -> Bool {
        if position < buffer.count, buffer[position] == .comma {
            position += 1
            return true
        }
        recordEnd = position
        if position < buffer.count { consumeLineEnd() }
        return false
    }

    /// A field's text. A file that is not UTF-8 is refused at its first such byte (a Latin-1 `é` is 0xE9),
    /// never read with replacement characters.
    private func text(_ slice: UnsafeBufferPointer<UInt8>) throws(CSVError) -> String {
        // Most fields are ASCII, which is UTF-8 as it stands: `String(decoding:)` makes the same string
        // without the generic validation (a metadata look-up a field, on both parsing cores).
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else {
            let byte = slice[UTF8Check.firstInvalid(in: slice) ?? 0]
            throw CSVError(line: recordLine, reason: UTF8Check.reason(byte), field: fieldIndex)
        }
        return text
    }

    /// Record starts that cut the records from `start` on into about `parts` pieces of equal size, with
    /// the physical line of each; the first is `start` itself. A quote toggles "inside a quoted field" (a
    /// doubled quote toggles twice), so a line break is a record boundary only outside quotes.
    public static func splitPoints(_ bytes: [UInt8], from start: Int, line: Int, parts: Int) -> [(offset: Int, line: Int)] {
        var points = [(offset: start, line: line)]
        guard parts > 1 else { return points }
        let step = max(1, (bytes.count - start) / parts)
        var target = start + step
        var quoted = false, currentLine = line
        bytes.withUnsafeBufferPointer { buffer in
            for index in start..<buffer.count {
                let byte = buffer[index]
                if byte == .quote { quoted.toggle() }
                // Lines counted as `next()` counts them: a carriage return alone ends one too.
                if byte == .cr, index + 1 < buffer.count, buffer[index + 1] != .lf { currentLine += 1 }
                guard byte == .lf else { continue }
                currentLine += 1
                if !quoted, index + 1 >= target, index + 1 < buffer.count {
                    points.append((index + 1, currentLine))
                    target += step
                }
            }
        }
        return points
    }

    private mutating func consumeLineEnd() {
        if bytes[position] == .cr, position + 1 < bytes.count, bytes[position + 1] == .lf { position += 1 }
        position += 1
        line += 1
    }
}

/// A file that is not well-formed CSV, at a physical line (and a field, counted from 0, where one is at fault).
public struct CSVError: Error, Equatable, Sendable {
    public let line: Int
    public let reason: String
    public let field: Int?
    public init(line: Int, reason: String, field: Int? = nil) { self.line = line; self.reason = reason; self.field = field }
}

extension UInt8 {
    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
}
