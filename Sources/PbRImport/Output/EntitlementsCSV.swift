import PbRCore

/// The entitlements file of DOMAIN.md: one row per client, outcome and part, in output order.
public enum EntitlementsCSV {
    public static let header = ["provider_id", "earned_by", "client_id", "outcome_id", "part", "band", "achieved_on",
                                "due_on", "amount", "status", "reason"]

    public static func render(_ lines: [Entitlement]) -> String { String(decoding: bytes(lines), as: UTF8.self) }

    public static func bytes(_ lines: [Entitlement]) -> [UInt8] {
        var writer = CSVWriter(header: header, expectedBytes: lines.count * 160)
        // Fields read in place: `for line in lines` would copy each line, retaining its text.
        lines.withUnsafeBufferPointer { lines in
            for line in lines.indices {
                writer.row { row in
                    row.field(lines[line].providerID.rawValue)
                    row.field(lines[line].earnedBy.rawValue)
                    row.field(lines[line].clientID.rawValue)
                    row.field(lines[line].outcomeID.rawValue)
                    row.field(String(lines[line].part))
                    row.field(lines[line].band.description)
                    row.field(lines[line].achievedOn.description)
                    row.field(lines[line].dueOn.description)
                    row.field(lines[line].amount.description)
                    row.field(lines[line].status.rawValue)
                    row.field(lines[line].reason)
                }
            }
        }
        return writer.bytes
    }
}
