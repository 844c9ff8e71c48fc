import PbRCore

/// Outcomes achieved that cannot be paid (no band in force), for a person to resolve.
public enum ExceptionsCSV {
    public static func render(_ exceptions: [EntitlementException]) -> String {
        var writer = CSVWriter(header: ["client_id", "outcome_id", "achieved_on", "reason"])
        for item in exceptions {
            writer.append([item.clientID.rawValue, item.outcomeID.rawValue, item.achievedOn.description, item.reason])
        }
        return writer.text
    }
}
