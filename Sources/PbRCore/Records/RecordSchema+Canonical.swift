extension RecordSchema {
    /// The separator of a record's canonical fields in the store (the importer refuses it in any field).
    public static let separator: UInt8 = 0x1F

    /// A record's canonical fields joined by U+001F: how the store keeps it.
    public static func canonicalText(_ record: Record) -> String {
        let fields = fields(record)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(separator) }
            bytes += field.utf8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let columnCounts = ColumnCounts()

    /// Reads back `canonicalText` straight from its bytes, without a string per field: the store's hot
    /// path at national scale. Trusts what `canonicalText` wrote; `nil` if the text is not of that form.
    /// A round-trip test holds it to `fields(_:)` for every kind.
    public static func record(_ kind: RecordKind, canonical text: String) -> Record? {
        var text = text
        return text.withUTF8 { record(kind, canonical: $0) }
    }

    /// `record(_:canonical:)` from the text's UTF-8 bytes, as the store's reader keeps them.
    public static func record(_ kind: RecordKind, canonical bytes: UnsafeBufferPointer<UInt8>) -> Record? {
        // Field boundaries on the stack: one allocation fewer per record, millions of times a run.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * columnCounts[kind]) { bounds in
            guard let fields = CanonicalFields(bytes, bounds: bounds) else { return nil }
            return fields.record(kind)
        }
    }
}

/// Each kind's number of columns, found by a switch: a dictionary hashed the kind for every record read.
private struct ColumnCounts {
    let clients = RecordSchema.columns(.clients).count, assessments = RecordSchema.columns(.assessments).count
    let episodes = RecordSchema.columns(.episodes).count, top = RecordSchema.columns(.top).count
    let offences = RecordSchema.columns(.offences).count, events = RecordSchema.columns(.events).count
    let claims = RecordSchema.columns(.claims).count

    subscript(kind: RecordKind) -> Int {
        switch kind {
        case .clients: clients
        case .assessments: assessments
        case .episodes: episodes
        case .top: top
        case .offences: offences
        case .events: events
        case .claims: claims
        }
    }
}

/// The fields of one canonical record, as byte ranges: field i is `bytes[bounds[2i] ..< bounds[2i+1]]`.
private struct CanonicalFields {
    let bytes: UnsafeBufferPointer<UInt8>
    let bounds: UnsafeMutableBufferPointer<Int>

    /// `nil` unless the text has exactly `bounds.count / 2` fields.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutableBufferPointer<Int>) {
        self.bytes = bytes
        self.bounds = bounds
        var field = 0, start = 0
        for index in 0..<bytes.count where bytes[index] == RecordSchema.separator {
            guard 2 * field + 1 < bounds.count else { return nil }
            bounds[2 * field] = start
            bounds[2 * field + 1] = index
            field += 1
            start = index + 1
        }
        guard 2 * field + 2 == bounds.count else { return nil }
        bounds[2 * field] = start
        bounds[2 * field + 1] = bytes.count
    }

    private func start(_ i: Int) -> Int { bounds[2 * i] }
    private func end(_ i: Int) -> Int { bounds[2 * i + 1] }

    func isEmpty(_ i: Int) -> Bool { start(i) == end(i) }

    func text(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start(i)..<end(i)]), as: UTF8.self)
    }

    func number(_ i: Int) -> Int32? {
        guard !isEmpty(i) else { return nil }
        var value: Int32 = 0
        for index in start(i)..<end(i) {
            let digit = Int32(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    func day(_ i: Int) -> Day? {
        guard end(i) - start(i) == 10 else { return nil }
        let s = start(i)
        func digits(_ from: Int, _ count: Int) -> Int {
            (0..<count).reduce(0) { $0 * 10 + Int(bytes[s + from + $1]) - 48 }
        }
        return Day(year: digits(0, 4), month: digits(5, 2), day: digits(8, 2))
    }

    func flag(_ i: Int) -> Bool? { isEmpty(i) ? nil : bytes[start(i)] == UInt8(ascii: "Y") }

    func code<Code: RawRepresentable>(_ i: Int) -> Code? where Code.RawValue == String {
        isEmpty(i) ? nil : Code(rawValue: text(i))
    }

    func record(_ kind: RecordKind) -> Record? {
        switch kind {
        case .clients:
            return .client(Client(id: ClientID(text(0)), sex: code(1), birthYear: number(2).map(Int.init)))
        case .assessments:
            guard let on = day(2), let band = number(3).flatMap({ Band(Int($0)) }) else { return nil }
            return .assessment(Assessment(recordID: RecordID(text(0)), clientID: ClientID(text(1)), assessedOn: on,
                                          band: band, assessor: text(4), reason: code(5)))
        case .episodes:
            return .episode(Episode(
                recordID: RecordID(text(0)), clientID: ClientID(text(1)), providerID: ProviderID(text(2)),
                referralOn: day(3), startOn: day(4), endOn: day(5), dischargeReason: code(6),
                substances: (7...9).compactMap { code($0) }, referralSource: code(10)))
        case .top:
            guard let on = day(3), let stage: TopStage = code(4) else { return nil }
            var values = TopValues()
            for (offset, field) in TopField.allCases.enumerated() {
                values[field] = field.scale == .flag ? flag(5 + offset).map { $0 ? 1 : 0 } : number(5 + offset)
            }
            return .top(TopReview(recordID: RecordID(text(0)), clientID: ClientID(text(1)), episodeID: RecordID(text(2)),
                                  on: on, stage: stage, values: values))
        case .offences:
            guard let on = day(2) else { return nil }
            return .offence(Offence(recordID: RecordID(text(0)), clientID: ClientID(text(1)), offenceOn: on,
                                    provenOn: day(3), trigger: flag(4), category: text(5)))
        case .events:
            guard let on = day(2), let kind: EventKind = code(3) else { return nil }
            return .event(Event(recordID: RecordID(text(0)), clientID: ClientID(text(1)), on: on, kind: kind, detail: text(4)))
        case .claims:
            guard let on = day(4) else { return nil }
            return .claim(Claim(recordID: RecordID(text(0)), clientID: ClientID(text(1)), programme: text(2), outcome: text(3),
                                achievedOn: on))
        }
    }
}
