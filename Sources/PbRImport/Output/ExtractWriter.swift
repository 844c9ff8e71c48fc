import Foundation
import PbRCore

/// Writes records as an extract folder (extract.yaml and the CSV files), for demos, benchmarks and tests.
public enum ExtractWriter {
    /// - Parameters:
    ///   - withdrawals: keys to withdraw, written as rows with only the key and `deleted` = `Y`.
    public static func write(to folder: URL, knownAt: Moment, source: String, records: [Record],
                             withdrawals: [(kind: RecordKind, key: String)] = []) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        let yaml = "known_at: \(quoted(knownAt.text))\nsource: \(quoted(source))\n"
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("extract.yaml"))
        let byKind = Dictionary(grouping: records, by: \.kind)
        let withdrawn = Dictionary(grouping: withdrawals, by: \.kind)
        for kind in RecordKind.allCases where byKind[kind] != nil || withdrawn[kind] != nil {
            let columns = RecordSchema.columns(kind)
            let hasWithdrawals = withdrawn[kind] != nil
            var writer = CSVWriter(header: columns + (hasWithdrawals ? ["deleted"] : []))
            for record in byKind[kind] ?? [] {
                writer.append(RecordSchema.fields(record) + (hasWithdrawals ? ["N"] : []))
            }
            for withdrawal in withdrawn[kind] ?? [] {
                var fields = Array(repeating: "", count: columns.count + 1)
                fields[columns.firstIndex(of: RecordSchema.keyColumn(kind))!] = withdrawal.key
                fields[columns.count] = "Y"
                writer.append(fields)
            }
            try Data(writer.text.utf8).write(to: folder.appendingPathComponent(kind.fileName))
        }
    }
}
