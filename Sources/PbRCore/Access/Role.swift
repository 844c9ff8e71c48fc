/// What a user of the web application may do. One role a user; the provider or contracts it is limited
/// to are the `Viewer`'s.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    /// Everything, users included.
    case admin
    /// Reads the contracts it commissions: their statements, lines and explanations.
    case commissioner
    /// Reads only its own statements (as payee, or the lines it earned as a subcontractor) and its own clients.
    case provider
    /// Independent assessment (LASAR) only: nothing of the ledger.
    case assessor
    /// Reads everything and the audit log; changes nothing.
    case auditor

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}
