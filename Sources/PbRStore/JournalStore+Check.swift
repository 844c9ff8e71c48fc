import PbRCore
import SQLKit

/// Something wrong in the store, found by `check()`.
public struct StoreProblem: Sendable, Equatable, CustomStringConvertible {
    public let check: String
    public let detail: String
    public var description: String { check + ": " + detail }
}

extension JournalStore {
    /// Verifies the store: every journal row belongs to a recorded import and carries its `known_at`;
    /// every import's rows are still what was written (their digest) and as many as it says; every
    /// stored record reads back under its own key and client; no visible record is an orphan; the
    /// providers table lists each provider the episodes name, with the first import that named it.
    public func check() async throws -> [StoreProblem] {
        var problems: [StoreProblem] = []
        func count(_ sql: SQLQueryString) async throws -> Int {
            try await database.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let strays = try await count("SELECT count(*) AS n FROM journal WHERE import_id NOT IN (SELECT id FROM imports)")
        if strays > 0 { problems.append(.init(check: "imports", detail: "\(strays) journal rows belong to no recorded import")) }
        let misdated = try await count("""
            SELECT count(*) AS n FROM journal JOIN imports ON imports.id = journal.import_id
            WHERE journal.known_at_epoch <> imports.known_at_epoch
            """)
        if misdated > 0 { problems.append(.init(check: "versions", detail: "\(misdated) journal rows differ from their import's known_at")) }
        for summary in try await imports() { problems += try await checkRows(of: summary) }
        problems += try await orphans()
        problems += try await providerList()
        return problems
    }

    /// One import's rows: how many, their digest, and that each reads back as the record it is filed as.
    private func checkRows(of summary: ImportSummary) async throws -> [StoreProblem] {
        let stored = try await database.raw("SELECT records_digest FROM imports WHERE id = \(bind: summary.id)").first()?
            .decode(column: "records_digest", as: String?.self)
        // Imports from before streaming were digested as key-ordered blocks; the rest as a sum of rows.
        let sink = RowChecker(legacy: stored.map { !$0.hasPrefix(RecordsDigest.prefix) } ?? false)
        try await database.execute(sql: SQLQueryString("""
            SELECT kind, record_key, known_at_epoch, import_id, client_id, deleted, fields FROM journal
            WHERE import_id = \(bind: summary.id) ORDER BY kind, record_key
            """)) { row in sink.add(row) }
        var problems = sink.problems.map { StoreProblem(check: "records", detail: "import #\(summary.id): " + $0) }
        if sink.rows != summary.rowsImported {
            problems.append(.init(check: "imports", detail: "import #\(summary.id) says \(summary.rowsImported) rows; the journal holds \(sink.rows)"))
        }
        if let stored, stored != sink.digest() {
            problems.append(.init(check: "digest", detail: "import #\(summary.id): its rows no longer match the digest taken when they were written"))
        } else if stored == nil {
            problems.append(.init(check: "digest", detail: "import #\(summary.id) has no digest of its rows (imported before digests were kept)"))
        }
        return problems
    }

    /// The providers table against the stored episodes, both ways.
    private func providerList() async throws -> [StoreProblem] {
        let named = Migrations.firstImportOfEachProvider(isSQLite: connection.isSQLite)
        func ids(_ sql: String) async throws -> [String] {
            try await database.raw(SQLQueryString(sql)).all().map { try $0.decode(column: "provider_id", as: String.self) }
        }
        let unlisted = try await ids("""
            SELECT named.provider_id FROM (\(named)) AS named LEFT JOIN providers AS listed
                ON listed.provider_id = named.provider_id AND listed.first_import_id = named.first_import_id
            WHERE listed.provider_id IS NULL ORDER BY named.provider_id
            """)
        let unnamed = try await ids("""
            SELECT provider_id FROM providers AS listed
            WHERE NOT EXISTS (SELECT 1 FROM (\(named)) AS named WHERE named.provider_id = listed.provider_id)
            ORDER BY provider_id
            """)
        var problems: [StoreProblem] = []
        if !unlisted.isEmpty {
            problems.append(.init(check: "providers", detail: "not listed with the import that named them first: \(unlisted.joined(separator: ", "))"))
        }
        if !unnamed.isEmpty {
            problems.append(.init(check: "providers", detail: "listed but named by no episode: \(unnamed.joined(separator: ", "))"))
        }
        return problems
    }

    /// Visible records whose client was never sent, and TOPs whose episode is not the client's.
    private func orphans() async throws -> [StoreProblem] {
        var problems: [StoreProblem] = []
        for history in try await histories(knownAt: nil) {
            if history.client == nil {
                problems.append(.init(check: "orphans", detail: "client \(history.clientID) has records but no client row"))
            }
            let episodes = Set(history.episodes.map(\.recordID))
            for top in history.tops where !episodes.contains(top.episodeID) {
                problems.append(.init(check: "orphans", detail: "TOP \(top.recordID) of client \(history.clientID) names episode \(top.episodeID), not one of the client's"))
            }
        }
        return problems
    }
}

/// Reads one import's rows in key order, as the driver hands them over one at a time.
private final class RowChecker: @unchecked Sendable {
    private(set) var rows = 0
    private(set) var problems: [String] = []
    private var sum = RecordsDigest()
    /// Set for an import digested before imports streamed.
    private var legacy: LegacyRecordsDigest?

    init(legacy: Bool) { self.legacy = legacy ? LegacyRecordsDigest() : nil }

    func add(_ row: any SQLRow) {
        rows += 1
        let kindText: String, key: String, knownAt: Int, importID: Int, client: String, deleted: Int, fields: String
        do {
            kindText = try row.decode(column: "kind", as: String.self)
            key = try row.decode(column: "record_key", as: String.self)
            knownAt = try row.decode(column: "known_at_epoch", as: Int.self)
            importID = try row.decode(column: "import_id", as: Int.self)
            client = try row.decode(column: "client_id", as: String.self)
            deleted = try row.decode(column: "deleted", as: Int.self)
            fields = try row.decode(column: "fields", as: String.self)
        } catch {
            problems.append("a row does not read back: \(error)")
            return
        }
        legacy?.add([.text(kindText), .text(key), .integer(knownAt), .integer(importID), .text(client), .integer(deleted), .text(fields)])
        guard let kind = RecordKind(rawValue: kindText) else {
            problems.append("a row of unknown kind '\(kindText)'")
            return
        }
        if legacy == nil { sum.add(RowDigest(kind: kind, key: key, clientID: client, withdraws: deleted == 1, fields: fields)) }
        if deleted == 1 {
            if !fields.isEmpty { problems.append("the withdrawal of \(kind.rawValue) '\(key)' carries fields") }
            return
        }
        guard let record = RecordSchema.record(kind, canonical: fields) else {
            problems.append("\(kind.rawValue) '\(key)' does not read back")
            return
        }
        if record.key != key || record.clientID.rawValue != client {
            problems.append("\(kind.rawValue) '\(key)' of client '\(client)' reads back as '\(record.key)' of '\(record.clientID)'")
        }
    }

    /// The rows' digest, made the way the import's was.
    func digest() -> String {
        if var legacy { return legacy.finalize() }
        return sum.text
    }
}
