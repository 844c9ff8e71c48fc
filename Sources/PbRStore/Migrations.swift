/// The store's schema, as numbered steps applied once each, in order, and recorded in `pbr_migrations`.
/// Each step is written for both databases where their SQL differs.
///
/// The journal is append-only: one row per version of a record, keyed by (kind, key, known_at, import),
/// so that a run as of any cut-off can pick the version it would have seen.
enum Migrations {
    struct Step: Sendable {
        let version: Int
        let name: String
        let sqlite: [String]
        let postgres: [String]

        init(version: Int, name: String, sqlite: [String], postgres: [String]? = nil) {
            self.version = version; self.name = name; self.sqlite = sqlite; self.postgres = postgres ?? sqlite
        }

        func statements(_ isSQLite: Bool) -> [String] { isSQLite ? sqlite : postgres }
    }

    static let all: [Step] = [
        Step(version: 1, name: "journal and imports",
             sqlite: [imports(id: "INTEGER PRIMARY KEY"), journal(text: "TEXT", table: ") WITHOUT ROWID")],
             // Keys in byte order (collation "C"), as SQLite keeps them, so both read the journal alike.
             postgres: [imports(id: "BIGSERIAL PRIMARY KEY"), journal(text: "TEXT COLLATE \"C\"", table: ")")]),
        Step(version: 2, name: "a digest of each import's rows as stored",
             sqlite: ["ALTER TABLE imports ADD COLUMN records_digest TEXT"]),
    ]

    private static func imports(id: String) -> String {
        """
        CREATE TABLE imports (
            id \(id),
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
        """
    }

    private static func journal(text: String, table end: String) -> String {
        """
        CREATE TABLE journal (
            kind \(text) NOT NULL,
            record_key \(text) NOT NULL,
            known_at_epoch BIGINT NOT NULL,
            import_id BIGINT NOT NULL REFERENCES imports(id),
            client_id TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            fields TEXT NOT NULL,
            PRIMARY KEY (kind, record_key, known_at_epoch, import_id)
        \(end)
        """
    }

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS pbr_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """
}
