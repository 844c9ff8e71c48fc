import PbRCore

/// The entitlements file of DOMAIN.md: one row per client, outcome and part, in output order.
public enum EntitlementsCSV {
    public static let header = ["provider_id", "earned_by", "client_id", "outcome_id", "part", "band", "achieved_on",
                                "due_on", "amount", "status", "reason"]

    public static func render(_ lines: [Entitlement]) -> String { String(decoding: bytes(lines), as: UTF8.self) }

    public static func bytes(_ lines: [Entitlement]) -> [UInt8] {
        var writer = CSVWriter(header: header, expectedBytes: lines.count * 160)
        for line in lines {
            writer.row { row in
                row.field(line.providerID.rawValue)
                row.field(line.earnedBy.rawValue)
                row.field(line.clientID.rawValue)
                row.field(line.outcomeID.rawValue)
                row.field(String(line.part))
                row.field(line.band.description)
                row.field(line.achievedOn.description)
                row.field(line.dueOn.description)
                row.field(line.amount.description)
                row.field(line.status.rawValue)
                row.field(line.reason)
            }
        }
        return writer.bytes
    }
}
