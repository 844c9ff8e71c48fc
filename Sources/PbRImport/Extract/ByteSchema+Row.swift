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
                if index == birthYear, number > knownOn.year {
                    late = LateFacts.Row(count: 1, column: column.name, value: String(number))
                }
            case .day(let required):
                if range.isEmpty { guard !required else { return nil }; continue }
                guard let day = Day(isoBytes: UnsafeBufferPointer(rebasing: bytes[range])) else { return nil }
                if day > knownOn {
                    if late == nil { late = LateFacts.Row(count: 0, column: column.name, value: day.description) }
                    late!.count += 1
                }
                if index == start { days.start = day }
                if index == end { days.end = day }
            }
        }
        if let start = days.start, let end = days.end, end < start { return nil }
        writeCanonical(bytes, fields, into: &canonical)
        return Vouched(key: fields[columns[key].field], client: fields[columns[client].field],
                       reference: reference.map { fields[columns[$0].field] } ?? 0..<0, late: late)
    }

    /// The fields in canonical order, joined by the separator. An episode's substances close up, as
    /// `Episode.substances` keeps them: the given ones first, in their order, then the empty ones.
    private func writeCanonical(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], into canonical: inout [UInt8]) {
        canonical.removeAll(keepingCapacity: true)
        func substance(_ n: Int) -> Range<Int> {
            var seen = 0
            for index in substances where !fields[columns[index].field].isEmpty {
                if seen == n { return fields[columns[index].field] }
                seen += 1
            }
            return 0..<0
        }
        for index in columns.indices {
            if index > 0 { canonical.append(RecordSchema.separator) }
            let range = if let n = columns[index].substance { substance(n) } else { fields[columns[index].field] }
            canonical.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    /// A non-empty value with no white space around it (a non-ASCII byte at either end might be a
    /// no-break space: the general way decides).
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }
        return plain(bytes[range.lowerBound]) && plain(bytes[range.upperBound - 1])
    }

    /// A number whose canonical text is the bytes sent: `WholeNumber`'s rule, and no leading zero
    /// (`07` goes the general way, which reads it as 7).
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count == 1 || bytes[range.lowerBound] != UInt8(ascii: "0") else { return nil }
        return WholeNumber.parse(UnsafeBufferPointer(rebasing: bytes[range]))
    }
}
