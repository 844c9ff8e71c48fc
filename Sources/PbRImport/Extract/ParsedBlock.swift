import PbRCore

/// One block of a file, each row parsed and checked on its own (codes, dates, ranges, the field count):
/// a candidate row for the journal, or an issue. What a row refers to is checked later (`ImportChecks`).
struct ParsedBlock: Sendable {
    struct Candidate: Sendable {
        var line: Int
        /// Where the row stands in the block's bytes, for the rejects file.
        var range: Range<Int>
        /// The episode a TOP names; empty for other rows.
        var episodeID: String
        /// The provider an episode names; empty for other rows.
        var providerID: String = ""
        /// Dates after the extract's known_at day (a birth year after its year), if any.
        var late: LateFacts.Row?
        var row: JournalRow
    }

    let layout: FileLayout
    /// The block as read: rejected rows are written back from it verbatim.
    let bytes: [UInt8]
    var candidates: [Candidate] = []
    var issues: [RowIssue] = []
    /// Rows that the header keeps out (`FileLayout.keepsOut`), with the reason for the rejects file.
    var keptOut: [RowIssue] = []
    /// Rows, not withdrawals, that needed a column the header lacks.
    var lacking = 0
    /// Every row's key, good rows and bad: a key that repeats is refused where it repeats, whether or not
    /// the first row was good.
    var keys: [KeyLine] = []

    struct KeyLine: Sendable {
        var key: String
        var line: Int
        /// The key's hash, for `SeenKeys` (made here, on the parsing cores).
        var hash: Int
        /// False when the row is bad on its own.
        var parsed: Bool
        /// The line of the key's first row in this block, when this row repeats it.
        var repeats: Int?
    }

    /// Parses the records of `bytes` from `start` (a record's start, on `line`), in `pieces` parts on as
    /// many cores. `knownOn` is the extract's known_at day, for `LateFacts`. Without `vouching`, every row
    /// goes the general way (for the tests that hold `ByteSchema` to it).
    static func parse(_ bytes: [UInt8], from start: Int, line: Int, layout: FileLayout, knownOn: Day,
                      pieces: Int, vouching: Bool = true) throws(ExtractRefused) -> ParsedBlock {
        let points = CSVReader.splitPoints(bytes, from: start, line: line, parts: pieces)
        let parts = concurrentMap(points.count) { index in
            let end = index + 1 < points.count ? points[index + 1].offset : bytes.count
            return Result { () throws(ExtractRefused) in
                try parse(bytes, range: points[index].offset..<end, line: points[index].line, layout: layout, knownOn: knownOn,
                          vouching: vouching)
            }
        }
        var block = ParsedBlock(layout: layout, bytes: bytes)
        for part in parts {
            let part = try part.get()
            block.candidates += part.candidates
            block.issues += part.issues
            block.keptOut += part.keptOut
            block.lacking += part.lacking
            block.keys += part.keys
        }
        block.findRepeats()
        return block
    }

    /// Marks the rows whose key an earlier row of the block has, and the rows bad on their own.
    private mutating func findRepeats() {
        var first: [String: Int] = [:]
        first.reserveCapacity(keys.count)
        var index = 0
        for candidate in candidates {
            while keys[index].line != candidate.line { index += 1 }
            keys[index].parsed = true
        }
        for index in keys.indices {
            let key = keys[index]
            if let line = first[key.key] { keys[index].repeats = line } else { first[key.key] = key.line }
        }
    }

    private static func parse(_ bytes: [UInt8], range: Range<Int>, line: Int, layout: FileLayout,
                              knownOn: Day, vouching: Bool) throws(ExtractRefused) -> ParsedBlock {
        var reader = CSVReader(bytes: bytes, range: range, firstLine: line)
        var block = ParsedBlock(layout: layout, bytes: bytes)
        let schema = vouching ? ByteSchema(layout) : nil
        var fields: [Range<Int>] = [], canonical: [UInt8] = []
        fields.reserveCapacity(layout.header.count)
        func refusal(_ error: CSVError) -> ExtractRefused {
            let column = error.field.flatMap { $0 < layout.header.count ? layout.header[$0] : nil }
            return ExtractRefused(issues: [RowIssue(file: layout.file, line: error.line, column: column, reason: error.reason)])
        }
        while true {
            let next: CSVReader.Fields
            do throws(CSVError) { next = try reader.nextFields(&fields) } catch { throw refusal(error) }
            switch next {
            case .end: return block
            case .record(let line, let range):
                block.add(fields, line: line, range: range, schema: schema, knownOn: knownOn, canonical: &canonical)
            case .quoted:
                let row: CSVReader.Row?
                do throws(CSVError) { row = try reader.next() } catch { throw refusal(error) }
                block.add(row!, knownOn: knownOn)
            }
        }
    }

    /// A record read as byte ranges: the schema vouches for it, or its fields are made as text and it
    /// goes the general way (`add(_:knownOn:)`).
    private mutating func add(_ fields: [Range<Int>], line: Int, range: Range<Int>, schema: ByteSchema?, knownOn: Day,
                              canonical: inout [UInt8]) {
        let vouched = bytes.withUnsafeBufferPointer { buffer -> (ByteSchema.Vouched, JournalRow)? in
            // The store keeps a record's fields joined by U+001F, so no field may hold it.
            guard let schema, !buffer[range].contains(RecordSchema.separator),
                  let vouched = schema.vouch(buffer, fields, knownOn: knownOn, canonical: &canonical) else { return nil }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
            let row = JournalRow(kind: layout.kind, key: text(vouched.key), clientID: text(vouched.client),
                                 fields: String(decoding: canonical, as: UTF8.self), withdraws: false)
            return (vouched, row)
        }
        guard let (vouched, row) = vouched else {
            let texts = fields.map { String(decoding: bytes[$0], as: UTF8.self) }
            return add(CSVReader.Row(line: line, fields: texts, range: range), knownOn: knownOn)
        }
        keys.append(KeyLine(key: row.key, line: line, hash: row.key.hashValue, parsed: false))
        let reference = vouched.reference.isEmpty ? "" : String(decoding: bytes[vouched.reference], as: UTF8.self)
        candidates.append(Candidate(line: line, range: range, episodeID: layout.kind == .top ? reference : "",
                                    providerID: layout.kind == .episodes ? reference : "", late: vouched.late, row: row))
    }

    /// A row's text as it stands in the file.
    func raw(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private mutating func add(_ row: CSVReader.Row, knownOn: Day) {
        let kind = layout.kind
        func issue(_ column: String?, _ reason: String) {
            issues.append(RowIssue(file: layout.file, line: row.line, column: column, reason: reason, raw: raw(row.range)))
        }
        guard row.fields.count == layout.header.count else {
            return issue(nil, "has \(row.fields.count) fields; the header has \(layout.header.count)")
        }
        // The store keeps a record's fields joined by U+001F, so no field may hold it.
        guard !bytes[row.range].contains(0x1F) else { return issue(nil, "holds the control character U+001F") }
        var reader = FieldReader(fields: row.fields, columns: layout.columns)
        let withdrawn = reader.text("deleted") == "Y"
        if !withdrawn, !layout.missing.isEmpty { lacking += 1 }
        if let out = layout.keepsOut(withdrawal: withdrawn) {
            keptOut.append(RowIssue(file: layout.file, line: row.line, column: out.column, reason: out.reason, raw: raw(row.range)))
            return
        }
        let key = reader.required(RecordSchema.keyColumn(kind))
        if let key { keys.append(KeyLine(key: key, line: row.line, hash: key.hashValue, parsed: false)) }
        _ = reader.flag("deleted")  // Y, N or empty
        let clientID = withdrawn && kind != .clients ? reader.identifier("client_id") : ""
        func report() { for (column, reason) in reader.issues { issue(column, reason) } }
        guard let key, reader.issues.isEmpty else { return report() }
        if withdrawn {
            let withdrawal = JournalRow(kind: kind, key: key, clientID: kind == .clients ? key : clientID, fields: "", withdraws: true)
            candidates.append(Candidate(line: row.line, range: row.range, episodeID: "", providerID: "", row: withdrawal))
            return
        }
        guard let record = RecordSchema.parse(kind, &reader) else { return report() }
        var episodeID = "", providerID = ""
        if case .top(let top) = record { episodeID = top.episodeID.rawValue }
        if case .episode(let episode) = record { providerID = episode.providerID.rawValue }
        candidates.append(Candidate(line: row.line, range: row.range, episodeID: episodeID, providerID: providerID,
                                    late: LateFacts.of(record, knownOn: knownOn), row: JournalRow(record)))
    }
}
