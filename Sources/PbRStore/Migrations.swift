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
        // Filled from the episodes already stored; each import then adds the providers it names first.
        Step(version: 3, name: "the providers the episodes name, with the import that named each first",
             sqlite: [providers(text: "TEXT", table: ") WITHOUT ROWID"), fillProviders(isSQLite: true)],
             postgres: [providers(text: "TEXT COLLATE \"C\"", table: ")"), fillProviders(isSQLite: false)]),
        Step(version: 4, name: "the warnings of each import, one a line",
             sqlite: ["ALTER TABLE imports ADD COLUMN warnings TEXT NOT NULL DEFAULT ''"]),
        Step(version: 5, name: "contracts and their versions; issued periods, statements and their lines",
             sqlite: ledger(text: "TEXT", table: ") WITHOUT ROWID"),
             postgres: ledger(text: "TEXT COLLATE \"C\"", table: ")")),
        Step(version: 6, name: "verification samples of paid lines, their findings and recoveries",
             sqlite: verification(text: "TEXT", table: ") WITHOUT ROWID"),
             postgres: verification(text: "TEXT COLLATE \"C\"", table: ")")),
        Step(version: 7, name: "users, their sessions and API tokens; the hash-chained audit log",
             sqlite: access(text: "TEXT", table: ") WITHOUT ROWID"),
             postgres: access(text: "TEXT COLLATE \"C\"", table: ")")),
        Step(version: 8, name: "assessments recorded on the web (factors, score, computed band, referral); service users' feedback",
             sqlite: assessment(text: "TEXT", id: "INTEGER PRIMARY KEY", table: ") WITHOUT ROWID"),
             postgres: assessment(text: "TEXT COLLATE \"C\"", id: "BIGSERIAL PRIMARY KEY", table: ")")),
        // One client's journey, explanation or entitlements reads only that client's rows.
        Step(version: 9, name: "one client's rows found by index: the journal and the statement lines by client",
             sqlite: [journalByClient,
                      "CREATE INDEX IF NOT EXISTS statement_lines_by_client ON statement_lines (client_id)"]),
        Step(version: 10, name: "stored results: diagnostics runs and simulation runs of the web application",
             sqlite: storedResults(text: "TEXT"), postgres: storedResults(text: "TEXT COLLATE \"C\"")),
    ]

    /// One client's rows by index; a first import drops it and makes it again once its rows are in.
    static let journalByClient = "CREATE INDEX IF NOT EXISTS journal_by_client ON journal (client_id, kind)"

    /// What the web application's pages show without running again: each diagnostics run (its JSON as
    /// `pbr diagnose` writes it, its charts as drawn then, and the last import it saw) and each simulation
    /// run (its runs.csv, its summary and its report). Rows are only inserted; the latest is shown.
    private static func storedResults(text: String) -> [String] {
        [
            """
            CREATE TABLE diagnostics_runs (
                id BIGINT PRIMARY KEY,
                contract_id \(text) NOT NULL,
                as_of TEXT NOT NULL,
                last_import_id BIGINT NOT NULL,
                run_at TEXT NOT NULL,
                run_by TEXT NOT NULL,
                report_json TEXT NOT NULL,
                report_html TEXT NOT NULL
            )
            """,
            "CREATE INDEX diagnostics_runs_by_contract ON diagnostics_runs (contract_id, id)",
            """
            CREATE TABLE simulation_runs (
                id BIGINT PRIMARY KEY,
                contract_id \(text) NOT NULL,
                scenario TEXT NOT NULL,
                runs INTEGER NOT NULL,
                clients INTEGER NOT NULL,
                seed TEXT NOT NULL,
                run_at TEXT NOT NULL,
                run_by TEXT NOT NULL,
                summary_json TEXT NOT NULL,
                runs_csv TEXT NOT NULL,
                report_html TEXT NOT NULL
            )
            """,
            "CREATE INDEX simulation_runs_by_contract ON simulation_runs (contract_id, id)",
        ]
    }

    /// Sampled verification (docs/outcome-rules.md): a sample per contract and period, each provider's
    /// status and rate at the draw (and, once closed, its recovery and working), each sampled line's
    /// finding ('' until recorded). A sample is open while `posted_in` is ''; closing it names the
    /// period whose statements post its recovery.
    private static func verification(text: String, table end: String) -> [String] {
        [
            """
            CREATE TABLE verification_samples (
                contract_id \(text) NOT NULL,
                period TEXT NOT NULL,
                seed TEXT NOT NULL,
                rate_bp INTEGER NOT NULL,
                drawn_at TEXT NOT NULL,
                drawn_by TEXT NOT NULL,
                posted_in TEXT NOT NULL,
                closed_at TEXT NOT NULL,
                closed_by TEXT NOT NULL,
                PRIMARY KEY (contract_id, period),
                FOREIGN KEY (contract_id, period) REFERENCES ledger_periods (contract_id, period)
            \(end)
            """,
            """
            CREATE TABLE verification_providers (
                contract_id \(text) NOT NULL,
                period TEXT NOT NULL,
                provider_id \(text) NOT NULL,
                payee TEXT NOT NULL,
                status TEXT NOT NULL,
                past_sampled INTEGER NOT NULL,
                past_not_confirmed INTEGER NOT NULL,
                rate_bp INTEGER NOT NULL,
                paid_lines INTEGER NOT NULL,
                paid_value BIGINT NOT NULL,
                recovery BIGINT NOT NULL,
                working TEXT NOT NULL,
                PRIMARY KEY (contract_id, period, provider_id),
                FOREIGN KEY (contract_id, period) REFERENCES verification_samples (contract_id, period)
            \(end)
            """,
            """
            CREATE TABLE verification_lines (
                contract_id \(text) NOT NULL,
                period TEXT NOT NULL,
                statement_id \(text) NOT NULL,
                line INTEGER NOT NULL,
                finding TEXT NOT NULL,
                reason TEXT NOT NULL,
                found_at TEXT NOT NULL,
                found_by TEXT NOT NULL,
                PRIMARY KEY (statement_id, line),
                FOREIGN KEY (contract_id, period) REFERENCES verification_samples (contract_id, period),
                FOREIGN KEY (statement_id, line) REFERENCES statement_lines (statement_id, line)
            \(end)
            """,
        ]
    }

    /// The web application's tables. A session or token is kept only as the SHA-256 of its secret; the
    /// audit log is only inserted into, each entry chained to the one before by its digest.
    private static func access(text: String, table end: String) -> [String] {
        [
            """
            CREATE TABLE users (
                name \(text) PRIMARY KEY,
                role TEXT NOT NULL,
                provider_id TEXT NOT NULL,
                contract_ids TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                disabled INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            \(end)
            """,
            """
            CREATE TABLE credentials (
                secret_sha256 \(text) PRIMARY KEY,
                kind TEXT NOT NULL,
                user_name \(text) NOT NULL REFERENCES users (name),
                csrf TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_epoch BIGINT NOT NULL
            \(end)
            """,
            """
            CREATE TABLE audit_log (
                sequence BIGINT PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                detail TEXT NOT NULL,
                previous TEXT NOT NULL,
                digest TEXT NOT NULL
            \(end)
            """,
        ]
    }

    /// The ledger's tables. Issued rows are only ever inserted; `pbr statement verify` recomputes them.
    /// Money is in pence.
    private static func ledger(text: String, table end: String) -> [String] {
        [
            """
            CREATE TABLE contract_versions (
                contract_id \(text) NOT NULL,
                version INTEGER NOT NULL,
                effective_from TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                body TEXT NOT NULL,
                source TEXT NOT NULL,
                added_at TEXT NOT NULL,
                added_by TEXT NOT NULL,
                PRIMARY KEY (contract_id, version)
            \(end)
            """,
            """
            CREATE TABLE ledger_periods (
                contract_id \(text) NOT NULL,
                period TEXT NOT NULL,
                contract_version INTEGER NOT NULL,
                known_at TEXT NOT NULL,
                last_import_id BIGINT NOT NULL,
                issued_at TEXT NOT NULL,
                issued_by TEXT NOT NULL,
                inputs_digest TEXT NOT NULL,
                cap_headroom TEXT NOT NULL,
                PRIMARY KEY (contract_id, period),
                FOREIGN KEY (contract_id, contract_version) REFERENCES contract_versions (contract_id, version)
            \(end)
            """,
            """
            CREATE TABLE statements (
                statement_id \(text) PRIMARY KEY,
                contract_id \(text) NOT NULL,
                period TEXT NOT NULL,
                payee \(text) NOT NULL,
                number INTEGER NOT NULL,
                brought_forward BIGINT NOT NULL,
                new_amount BIGINT NOT NULL,
                adjustments BIGINT NOT NULL,
                block BIGINT NOT NULL,
                attachment BIGINT NOT NULL,
                net BIGINT NOT NULL,
                held BIGINT NOT NULL,
                payable BIGINT NOT NULL,
                carried_forward BIGINT NOT NULL,
                digest TEXT NOT NULL,
                UNIQUE (contract_id, number),
                FOREIGN KEY (contract_id, period) REFERENCES ledger_periods (contract_id, period)
            \(end)
            """,
            """
            CREATE TABLE statement_lines (
                statement_id \(text) NOT NULL REFERENCES statements (statement_id),
                line INTEGER NOT NULL,
                earned_by TEXT NOT NULL,
                client_id TEXT NOT NULL,
                component TEXT NOT NULL,
                outcome_id TEXT NOT NULL,
                part INTEGER NOT NULL,
                band INTEGER NOT NULL,
                achieved_on TEXT NOT NULL,
                due_on TEXT NOT NULL,
                kind TEXT NOT NULL,
                amount BIGINT NOT NULL,
                reason TEXT NOT NULL,
                refers_to TEXT NOT NULL,
                PRIMARY KEY (statement_id, line)
            \(end)
            """,
            // A payee's dispute of an issued line: held back from the period after it is raised, and
            // resolved by a later period (upheld: the key is owed `upheld_total` from then on).
            """
            CREATE TABLE disputes (
                contract_id \(text) NOT NULL,
                statement_id \(text) NOT NULL,
                line INTEGER NOT NULL,
                amount BIGINT NOT NULL,
                reason TEXT NOT NULL,
                raised_at TEXT NOT NULL,
                raised_by TEXT NOT NULL,
                held_from TEXT NOT NULL,
                resolution TEXT NOT NULL,
                upheld_total BIGINT NOT NULL,
                note TEXT NOT NULL,
                resolved_at TEXT NOT NULL,
                resolved_by TEXT NOT NULL,
                resolved_from TEXT NOT NULL,
                PRIMARY KEY (statement_id, line),
                FOREIGN KEY (statement_id, line) REFERENCES statement_lines (statement_id, line)
            \(end)
            """,
        ]
    }

    private static func providers(text: String, table end: String) -> String {
        """
        CREATE TABLE providers (
            provider_id \(text) PRIMARY KEY,
            first_import_id BIGINT NOT NULL REFERENCES imports(id)
        \(end)
        """
    }

    private static func fillProviders(isSQLite: Bool) -> String {
        "INSERT INTO providers (provider_id, first_import_id) " + firstImportOfEachProvider(isSQLite: isSQLite)
    }

    /// `SELECT provider_id, first_import_id`: each provider the stored episodes name, and the first import
    /// that named it. The provider is an episode's third canonical field (fields are joined by U+001F,
    /// which no field holds).
    static func firstImportOfEachProvider(isSQLite: Bool) -> String {
        let episodes = "FROM journal WHERE kind = 'episodes' AND deleted = 0"
        let named = isSQLite
            ? """
              SELECT substr(rest, 1, instr(rest, char(31)) - 1) AS provider_id, import_id FROM (
                  SELECT substr(after_key, instr(after_key, char(31)) + 1) AS rest, import_id FROM (
                      SELECT substr(fields, instr(fields, char(31)) + 1) AS after_key, import_id \(episodes)) AS k) AS c
              """
            : "SELECT split_part(fields, chr(31), 3) COLLATE \"C\" AS provider_id, import_id \(episodes)"
        return "SELECT provider_id, MIN(import_id) AS first_import_id FROM (\(named)) AS named GROUP BY provider_id"
    }

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
