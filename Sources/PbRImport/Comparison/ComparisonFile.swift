import PbRCore

/// Reads comparison areas' monthly figures (`pbr diagnose --comparison FILE`, DOMAIN.md's
/// `area_id, month, measure, value`). The columns may come in any order; each value is a count, a
/// number at least 0. Every defect is reported with its line and column, and a file with any is
/// refused whole: a comparison judged on part of a file would say less than it seems to.
public enum ComparisonFile {
    static let columns = ["area_id", "month", "measure", "value"]

    public static func parse(_ bytes: [UInt8], file: String) throws(ComparisonFileRefused) -> ComparisonAreas {
        if let offset = UTF8Check.firstInvalid(in: bytes) {
            throw ComparisonFileRefused(issues: [RowIssue(file: file, line: 1 + bytes[..<offset].filter { $0 == .lf }.count,
                                                          reason: UTF8Check.reason(bytes[offset]))])
        }
        var issues: [RowIssue] = []
        var areas = ComparisonAreas()
        do {
            try read(bytes, file: file, into: &areas, issues: &issues)
        } catch {
            issues.append(RowIssue(file: file, line: error.line, reason: error.reason))
        }
        guard issues.isEmpty else { throw ComparisonFileRefused(issues: Array(issues.prefix(50)), count: issues.count) }
        return areas
    }

    private static func read(_ bytes: [UInt8], file: String, into areas: inout ComparisonAreas, issues: inout [RowIssue]) throws(CSVError) {
        var reader = CSVReader(bytes: bytes)
        var firstLine: [String: Int] = [:]
        guard let header = try reader.next() else {
            issues.append(RowIssue(file: file, line: 1, reason: "the file is empty; its header is \(columns.joined(separator: ","))"))
            return
        }
        let names = header.fields.map { $0.trimmingSpaces() }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard columns.contains(name) else {
                issues.append(RowIssue(file: file, line: 1, column: name, reason: "not a column of a comparison file (its columns: \(columns.joined(separator: ", ")))"))
                continue
            }
            if position[name] != nil { issues.append(RowIssue(file: file, line: 1, column: name, reason: "the column is named twice")) }
            position[name] = index
        }
        for name in columns where position[name] == nil {
            issues.append(RowIssue(file: file, line: 1, column: name, reason: "the column is missing"))
        }
        guard issues.isEmpty else { return }
        while let row = try reader.next() {
            guard row.fields.count == names.count else {
                issues.append(RowIssue(file: file, line: row.line, reason: "\(row.fields.count) fields where the header has \(names.count)", raw: reader.text(of: row)))
                continue
            }
            func field(_ name: String) -> String { row.fields[position[name]!].trimmingSpaces() }
            let area = field("area_id")
            let month = StatementPeriod(field("month"))
            let measure = ComparisonAreas.Measure(rawValue: field("measure"))
            let value = Double(field("value"))
            var defects: [RowIssue] = []
            if area.isEmpty { defects.append(RowIssue(file: file, line: row.line, column: "area_id", reason: "is empty")) }
            if month == nil { defects.append(RowIssue(file: file, line: row.line, column: "month", reason: "'\(field("month"))' is not a month (YYYY-MM)")) }
            if measure == nil {
                defects.append(RowIssue(file: file, line: row.line, column: "measure",
                                        reason: "'\(field("measure"))' is not a measure (the measures: \(ComparisonAreas.Measure.allCases.map(\.rawValue).joined(separator: ", ")))"))
            }
            if !(value.map { $0.isFinite && $0 >= 0 } ?? false) {
                defects.append(RowIssue(file: file, line: row.line, column: "value", reason: "'\(field("value"))' is not a count (a number, 0 or more)"))
            }
            guard defects.isEmpty, let month, let measure, let value else { issues += defects; continue }
            let key = "\(area)\u{0}\(month)\u{0}\(measure.rawValue)"
            if let first = firstLine[key] {
                issues.append(RowIssue(file: file, line: row.line, reason: "a second \(measure.rawValue) for \(area) in \(month) (the first is on line \(first))"))
                continue
            }
            firstLine[key] = row.line
            areas.set(measure, area: area, month: month, to: value)
        }
        if issues.isEmpty, firstLine.isEmpty { issues.append(RowIssue(file: file, line: 1, reason: "the file holds a header and no figures")) }
    }
}

private extension String {
    /// Without the spaces around it: `area_id, month` is read as the header it means.
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// A comparison file with defects: the first 50, in line order, and how many in all.
public struct ComparisonFileRefused: Error, Sendable, CustomStringConvertible {
    public let issues: [RowIssue]
    public let count: Int

    public init(issues: [RowIssue], count: Int? = nil) {
        self.issues = issues
        self.count = count ?? issues.count
    }

    public var description: String { RowIssue.listing(issues, count: count, heading: "the comparison file was not read") }
}
