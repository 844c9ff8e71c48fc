import PbRCore

/// One extract file parsed row by row: each row is a candidate (record or withdrawal) or an issue.
struct ParsedFile: Sendable {
    struct Candidate: Sendable {
        var key: String
        var line: Int
        /// Where the row stands in the file's bytes, for the rejects file.
        var range: Range<Int>
        /// `nil` for a withdrawal.
        var record: Record?
        /// The client id the row names (may be empty on a withdrawal).
        var clientID: String
    }

    let kind: RecordKind
    /// The file as read: rejected rows are written back from it verbatim.
    let bytes: [UInt8]
    var candidates: [Candidate] = []
    var issues: [RowIssue] = []
    var rowCount = 0
    /// Every row's key with its line, good rows and bad, for the duplicate check.
    private var keyLines: [(key: String, line: Int)] = []

    static func parse(kind: RecordKind, bytes: [UInt8]) -> Result<ParsedFile, ExtractRefused> {
        let file = kind.fileName
        var reader = CSVReader(bytes: bytes)
        func refuse(_ line: Int, _ reason: String, column: String? = nil) -> ExtractRefused {
            ExtractRefused(issues: [RowIssue(file: file, line: line, column: column, reason: reason)])
        }
        let first: CSVReader.Row?
        do throws(CSVError) { first = try reader.next() } catch { return .failure(refuse(error.line, error.reason)) }
        guard let header = first?.fields else { return .failure(refuse(1, "is empty: a file that is present needs its header row")) }
        var columnIndex: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            guard columnIndex[name] == nil else { return .failure(refuse(1, "the header names this column twice", column: name)) }
            columnIndex[name] = index
        }
        let columns = columnIndex
        let keyColumn = RecordSchema.keyColumn(kind)
        guard columns[keyColumn] != nil else { return .failure(refuse(1, "the header has no \(keyColumn) column", column: keyColumn)) }
        let missing = RecordSchema.columns(kind).filter { columns[$0] == nil }

        // A large file is read in pieces, one per core; keys are checked for duplicates once they are joined.
        let points = CSVReader.splitPoints(bytes, from: reader.position, line: reader.line,
                                           parts: bytes.count > 4_000_000 ? 8 : 1)
        var pieces = concurrentMap(points.count) { index -> Result<ParsedFile, CSVError> in
            let end = index + 1 < points.count ? points[index + 1].offset : bytes.count
            var reader = CSVReader(bytes: bytes, range: points[index].offset..<end, firstLine: points[index].line)
            var piece = ParsedFile(kind: kind, bytes: bytes)
            while true {
                let next: CSVReader.Row?
                do throws(CSVError) { next = try reader.next() } catch { return .failure(error) }
                guard let row = next else { return .success(piece) }
                piece.rowCount += 1
                piece.add(row, columns: columns, header: header, missing: missing)
            }
        }
        var parsed = ParsedFile(kind: kind, bytes: bytes)
        for index in pieces.indices {
            switch pieces[index] {
            case .failure(let error): return .failure(refuse(error.line, error.reason))
            case .success(let piece):
                parsed.rowCount += piece.rowCount
                parsed.issues += piece.issues
                parsed.candidates += piece.candidates
                parsed.keyLines += piece.keyLines
            }
            pieces[index] = .success(ParsedFile(kind: kind, bytes: []))  // let the piece go as it is joined
        }
        parsed.refuseDuplicatedKeys()
        return .success(parsed)
    }

    /// A key that repeats is refused where it repeats, whether or not the first row was good.
    private mutating func refuseDuplicatedKeys() {
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(keyLines.count)
        var repeats: [Int: Int] = [:]
        for (key, line) in keyLines {
            if let first = firstLine[key] { repeats[line] = first } else { firstLine[key] = line }
        }
        guard !repeats.isEmpty else { return }
        let column = RecordSchema.keyColumn(kind)
        for candidate in candidates {
            guard let first = repeats[candidate.line] else { continue }
            issues.append(RowIssue(file: kind.fileName, line: candidate.line, column: column,
                                   reason: "'\(candidate.key)' is duplicated (first on line \(first))", raw: raw(candidate.range)))
        }
        candidates.removeAll { repeats[$0.line] != nil }
    }

    private mutating func add(_ row: CSVReader.Row, columns: [String: Int], header: [String], missing: [String]) {
        func issue(_ column: String?, _ reason: String) {
            issues.append(RowIssue(file: kind.fileName, line: row.line, column: column, reason: reason, raw: raw(row.range)))
        }
        guard row.fields.count == header.count else {
            issue(nil, "has \(row.fields.count) fields; the header has \(header.count)")
            return
        }
        // The store keeps a record's fields joined by U+001F, so no field may hold it.
        guard !bytes[row.range].contains(0x1F) else { return issue(nil, "holds the control character U+001F") }
        var reader = FieldReader(fields: row.fields, columns: columns)
        let keyColumn = RecordSchema.keyColumn(kind)
        let key = reader.text(keyColumn)
        guard !key.isEmpty else { return issue(keyColumn, "is required") }
        keyLines.append((key, row.line))
        let clientID = reader.text("client_id")
        switch reader.text("deleted") {
        case "Y":
            candidates.append(Candidate(key: key, line: row.line, range: row.range, record: nil, clientID: clientID))
            return
        case "", "N": break
        case let other: return issue("deleted", "'\(other)' is not Y or N")
        }
        if !missing.isEmpty {
            return issue(missing[0], "the file has no \(missing.joined(separator: ", ")) column\(missing.count > 1 ? "s" : "")")
        }
        guard let record = RecordSchema.parse(kind, &reader) else {
            for (column, reason) in reader.issues { issue(column, reason) }
            return
        }
        candidates.append(Candidate(key: key, line: row.line, range: row.range, record: record, clientID: clientID))
    }

    /// A row's text as it stands in the file.
    func raw(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}
