import PbRCore

/// The entitlements file of DOMAIN.md: one row per client, outcome and part, in output order.
public enum EntitlementsCSV {
    public static let header = ["provider_id", "earned_by", "client_id", "outcome_id", "part", "band", "achieved_on",
                                "due_on", "amount", "status", "reason"]

    public static func render(_ lines: [Entitlement]) -> String { String(decoding: bytes(lines), as: UTF8.self) }

    public static func bytes(_ lines: [Entitlement]) -> [UInt8] { part(0, of: 1, lines) }

    /// How many parts to make a file of `lineCount` lines in: enough for every core and for the first
    /// to be written while the rest are made, few enough that each is worth a thread.
    public static func partCount(_ lineCount: Int) -> Int { max(1, min(32, lineCount / 10_000)) }

    /// Part `index` of `count` of the file, the header with the first: joined in order, the parts are
    /// `bytes(lines)`, so that they can be made on every core and each written as soon as it is made.
    public static func part(_ index: Int, of count: Int, _ lines: [Entitlement]) -> [UInt8] {
        precondition(count > 0 && (0..<count).contains(index), "part \(index) of \(count)")
        let size = (lines.count + count - 1) / count
        let range = min(lines.count, index * size)..<min(lines.count, (index + 1) * size)
        var writer = index == 0 ? CSVWriter(header: header, expectedBytes: range.count * 160)
                                : CSVWriter(continuingWith: range.count * 160)
        // Fields read in place: `for line in lines` would copy each line, retaining its text.
        lines.withUnsafeBufferPointer { lines in
            for line in range {
                writer.row { row in
                    row.field(lines[line].providerID.rawValue)
                    row.field(lines[line].earnedBy.rawValue)
                    row.field(lines[line].clientID.rawValue)
                    row.field(lines[line].outcomeID.rawValue)
                    row.field(lines[line].part)
                    row.field(lines[line].band.value)
                    row.field(lines[line].achievedOn)
                    row.field(lines[line].dueOn)
                    row.field(lines[line].amount)
                    row.field(lines[line].status.rawValue)
                    row.field(lines[line].reason)
                }
            }
        }
        return writer.bytes
    }
}
