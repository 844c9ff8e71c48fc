import PbRCore

/// The entitlements file of DOMAIN.md: one row per client, outcome and part, in output order.
public enum EntitlementsCSV {
    public static let header = ["provider_id", "earned_by", "client_id", "outcome_id", "part", "band", "achieved_on",
                                "due_on", "amount", "status", "reason"]

    public static func render(_ lines: [Entitlement]) -> String { String(decoding: bytes(lines), as: UTF8.self) }

    public static func bytes(_ lines: [Entitlement]) -> [UInt8] {
        var writer = CSVWriter(header: header, expectedBytes: lines.count * 160)
        for line in lines {
            writer.append([
                line.providerID.rawValue, line.earnedBy.rawValue, line.clientID.rawValue, line.outcomeID.rawValue,
                String(line.part), line.band.description, line.achievedOn.description, line.dueOn.description,
                line.amount.description, line.status.rawValue, line.reason,
            ])
        }
        return writer.bytes
    }
}
