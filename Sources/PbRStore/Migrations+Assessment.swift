extension Migrations {
    /// What an assessment recorded on the web holds beyond its journal row (`assessments.csv`'s columns):
    /// the contract whose rules scored it, the factors present (joined by U+001F), the score and the band
    /// the rules compute beside the band recorded, the referral and why a reassessment was needed. The
    /// journal row carries the recorded band, as an extract's would. Feedback: a service user's words
    /// about a journey, recorded by a provider's user. Rows are only inserted.
    static func assessment(text: String, id: String, table end: String) -> [String] {
        [
            """
            CREATE TABLE assessment_details (
                record_id \(text) PRIMARY KEY,
                client_id \(text) NOT NULL,
                import_id BIGINT NOT NULL REFERENCES imports(id),
                contract_id TEXT NOT NULL,
                assessed_on TEXT NOT NULL,
                factors TEXT NOT NULL,
                score INTEGER NOT NULL,
                computed_band INTEGER NOT NULL,
                recorded_band INTEGER NOT NULL,
                referred_to TEXT NOT NULL,
                reason TEXT NOT NULL,
                why TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            \(end)
            """,
            """
            CREATE TABLE voice_feedback (
                id \(id),
                client_id \(text) NOT NULL,
                on_day TEXT NOT NULL,
                text TEXT NOT NULL,
                provider_id TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX voice_feedback_client ON voice_feedback (client_id, id)",
        ]
    }
}
