import PbRCore

extension ByteSchema {
    /// What a row this vouches for gives its candidate, as byte ranges of the block.
    struct Vouched {
        var key: Range<Int>
        var client: Range<Int>
        /// The episode a TOP names, or the provider an episode names; empty for other rows.
        var reference: Range<Int>
        var late: LateFacts.Row?
    }

    /// Vouches for a row given its fields' byte ranges in `bytes`, and writes its canonical fields
    /// (`RecordSchema.canonicalText`'s bytes) into `canonical`; `nil` when the row must go the general way.
    func vouch(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], knownOn: Day,
               canonical: inout [UInt8]) -> Vouched? {
        guard fields.count == fieldCount else { return nil }
        if let deleted {
            let range = fields[deleted]
            guard range.isEmpty || (range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: "N")) else { return nil }
        }
        var late: LateFacts.Row?
        var days: (start: Day?, end: Day?) = (nil, nil)
        for (index, column) in columns.enumerated() {
            let range = fields[column.field]
            switch column.check {
            case .text: continue
            case .required: guard !range.isEmpty, Self.plain(bytes, range) else { return nil }
            case .identifier: guard range.isEmpty || Self.plain(bytes, range) else { return nil }
            case .flag:
                guard range.isEmpty || (range.count == 1 && (bytes[range.lowerBound] == UInt8(ascii: "Y")
                                                             || bytes[range.lowerBound] == UInt8(ascii: "N"))) else { return nil }
            case .code(let values, let required):
                if range.isEmpty { guard !required else { return nil }; continue }
                let slice = UnsafeBufferPointer(rebasing: bytes[range])
                guard values.contains(where: { $0.count == slice.count && $0.elementsEqual(slice) }) else { return nil }
            case .integer(let allowed, let required):
                if range.isEmpty { guard !required else { return nil }; continue }
                guard let number = Self.integer(bytes, range), allowed.contains(number) else { return nil }
                if kind == .clients, number > knownOn.year {
                    late = LateFacts.Row(count: 1, column: column.name, value: String(number))
                }
            case .day(let required):
                if range.isEmpty { guard !required else { return nil }; continue }
                guard let day = Self.day(bytes, range) else { return nil }
                if day > knownOn {
                    if late == nil { late = LateFacts.Row(count: 0, column: column.name, value: day.description) }
                    late!.count += 1
                }
                if kind == .episodes, index == 4 { days.start = day }
                if kind == .episodes, index == 5 { days.end = day }
            }
        }
        if let start = days.start, let end = days.end, end < start { return nil }
        writeCanonical(bytes, fields, into: &canonical)
        return Vouched(key: fields[columns[0].field], client: fields[columns[kind == .clients ? 0 : 1].field],
                       reference: kind == .top || kind == .episodes ? fields[columns[2].field] : 0..<0, late: late)
    }

    /// The fields in canonical order, joined by the separator. An episode's substances close up, as
    /// `Episode.substances` keeps them: the given ones first, in their order, then the empty ones.
    private func writeCanonical(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], into canonical: inout [UInt8]) {
        canonical.removeAll(keepingCapacity: true)
        func substance(_ n: Int) -> Range<Int> {
            var seen = 0
            for index in 7...9 where !fields[columns[index].field].isEmpty {
                if seen == n { return fields[columns[index].field] }
                seen += 1
            }
            return 0..<0
        }
        for index in columns.indices {
            if index > 0 { canonical.append(RecordSchema.separator) }
            let range = kind == .episodes && (7...9).contains(index) ? substance(index - 7) : fields[columns[index].field]
            canonical.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    /// A non-empty value with no white space around it (a non-ASCII byte at either end might be a
    /// no-break space: the general way decides).
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }
        return plain(bytes[range.lowerBound]) && plain(bytes[range.upperBound - 1])
    }

    /// Digits only, at most nine, with no leading zero: the text `String(number)` gives back.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count <= 9, range.count == 1 || bytes[range.lowerBound] != UInt8(ascii: "0") else { return nil }
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Exactly `YYYY-MM-DD`, a day that exists (what `Day(iso:)` reads, and `Day.description` writes).
    private static func day(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Day? {
        let start = range.lowerBound
        guard range.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start + from ..< start + from + count {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
