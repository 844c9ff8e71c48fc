import PbRCore

/// The statement export of DOMAIN.md ("Statements: the ledger"): one row per issued line, sorted by
/// statement id, then line; fields that do not apply (a block line's client) are empty.
public enum StatementCSV {
    public static let header = ["statement_id", "line", "period", "provider_id", "earned_by", "client_id", "component",
                                "outcome_id", "part", "band", "achieved_on", "due_on", "kind", "amount", "reason", "refers_to"]

    public static func render(_ lines: [StatementLine]) -> String {
        var writer = CSVWriter(header: header, expectedBytes: lines.count * 180)
        let ordered = lines.sorted { ($0.statementID, $0.line) < ($1.statementID, $1.line) }
        for line in ordered {
            writer.append([
                line.statementID, String(line.line), line.period.description, line.providerID.rawValue,
                line.earnedBy?.rawValue ?? "", line.clientID?.rawValue ?? "", line.component.rawValue,
                line.outcomeID?.rawValue ?? "", line.part.map(String.init) ?? "", line.band?.description ?? "",
                line.achievedOn?.description ?? "", line.dueOn?.description ?? "", line.kind.rawValue, line.amount.description,
                line.reason, line.refersTo.map(\.description).joined(separator: " "),
            ])
        }
        return writer.text
    }
}
