import PbRCore

/// Parts of outcomes achieved that cannot be paid (no band in force), for the provider to resolve: one
/// row per client, outcome and part, sorted by provider_id, client_id, outcome_id, part, naming who would
/// be paid and the least and the most the part pays over the bands (pounds with two decimals, as the
/// entitlements file writes amounts).
public enum ExceptionsCSV {
    public static let header = ["provider_id", "earned_by", "client_id", "outcome_id", "part", "achieved_on",
                                "lowest_amount", "highest_amount", "reason"]

    /// - Parameter exceptions: any order.
    public static func render(_ exceptions: [EntitlementException]) -> String {
        var writer = CSVWriter(header: header)
        for item in exceptions.sorted(by: EntitlementException.outputOrder) {
            writer.append([item.providerID.rawValue, item.earnedBy.rawValue, item.clientID.rawValue,
                           item.outcomeID.rawValue, String(item.part), item.achievedOn.description,
                           item.lowestAmount.description, item.highestAmount.description, item.reason])
        }
        return writer.text
    }
}
