/// The store's schema, as numbered steps applied once each, in order, and recorded in `pbr_migrations`.
///
/// The journal is append-only: one row per version of a record, keyed by (kind, key, known_at, import),
/// so that a run as of any cut-off can pick the version it would have seen.
enum Migrations {
    struct Step: Sendable {
        let version: Int
        let name: String
        let statements: [String]
    }

    static let all: [Step] = [
        Step(version: 1, name: "journal and imports", statements: [
            """
            CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                known_at TEXT NOT NULL,
                known_at_epoch BIGINT NOT NULL,
                source TEXT NOT NULL,
                digest TEXT NOT NULL UNIQUE,
                origin TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                imported_by TEXT NOT NULL,
                rows_imported BIGINT NOT NULL,
                rows_rejected BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE journal (
                kind TEXT NOT NULL,
                record_key TEXT NOT NULL,
                known_at_epoch BIGINT NOT NULL,
                import_id INTEGER NOT NULL REFERENCES imports(id),
                client_id TEXT NOT NULL,
                deleted INTEGER NOT NULL,
                fields TEXT NOT NULL,
                PRIMARY KEY (kind, record_key, known_at_epoch, import_id)
            ) WITHOUT ROWID
            """,
        ]),
        Step(version: 2, name: "a digest of each import's rows as stored", statements: [
            "ALTER TABLE imports ADD COLUMN records_digest TEXT",
        ]),
    ]

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS pbr_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """
}
