import PbRCore
import PbRImport
import PbRStore

/// What a provider may upload (docs/web.md): records of its own treatment only. Its episodes name it
/// and no stored episode of the same record_id is another provider's; its TOPs belong to its episodes;
/// its clients and events are of clients with an episode there (in the upload or the store), and it
/// withdraws only a client whose every episode is its own. The
/// independent assessor's assessments, the police's offences and other programmes' claims do not come
/// from a provider. The checks read the uploaded rows and, by index, the stored episodes they touch.
struct ProviderUploadCheck {
    let provider: ProviderID

    /// Files a provider never sends, and where they come from instead.
    static let refusedKinds: [RecordKind: String] = [
        .assessments: "assessments come from the independent assessor",
        .offences: "offences come from the police",
        .claims: "claims come from the other payment programmes",
    ]

    /// Each defect with its file, line and column; empty when the upload is the provider's own.
    func issues(_ files: [RecordKind: [UInt8]], store: JournalStore) async throws -> [RowIssue] {
        var issues: [RowIssue] = []
        for kind in RecordKind.allCases where files[kind] != nil {
            if let why = Self.refusedKinds[kind] {
                issues.append(RowIssue(file: kind.fileName, line: 0, reason: "a provider does not upload \(kind.fileName): \(why)"))
            }
        }
        let rows = files.mapValues(Self.rows)
        let episodes = rows[.episodes] ?? [], tops = rows[.top] ?? []
        let clientRows = (rows[.clients] ?? []).map { (RecordKind.clients, $0) } + (rows[.events] ?? []).map { (RecordKind.events, $0) }
        let mentioned = Set((episodes + tops + clientRows.map(\.1)).compactMap { $0["client_id"] }.filter { !$0.isEmpty }.map(ClientID.init))
        let episodeKeys = Set(episodes.compactMap { $0["record_id"] } + tops.compactMap { $0["episode_id"] })
        let stored = try await store.episodeVersions(recordIDs: episodeKeys, clients: mentioned)
        let othersEpisodes = Set(stored.filter { $0.providerID != provider }.map(\.recordID.rawValue))
        var ownEpisodes = Set(stored.filter { $0.providerID == provider }.map(\.recordID.rawValue))
        var ownClients = Set(stored.filter { $0.providerID == provider }.map(\.clientID.rawValue))
        let storedOwnClients = ownClients
        let sharedClients = Set(stored.filter { $0.providerID != provider }.map(\.clientID.rawValue))
        for row in episodes {
            let named = row["provider_id"] ?? ""
            if !named.isEmpty, named != provider.rawValue {
                issues.append(issue(.episodes, row, "provider_id", "\(provider) uploads only its own episodes, not one of '\(named)'"))
            } else if let key = row["record_id"], othersEpisodes.contains(key) {
                issues.append(issue(.episodes, row, "record_id", "episode '\(key)' is not one of \(provider)'s"))
            } else if let client = row["client_id"], sharedClients.contains(client), !storedOwnClients.contains(client) {
                // An episode would make another provider's client this one's, and open its whole record:
                // a client treated elsewhere comes to a provider through an admin's upload.
                issues.append(issue(.episodes, row, "client_id", "client '\(client)' has no episode at \(provider): an admin uploads its first one here"))
            } else {
                if let key = row["record_id"] { ownEpisodes.insert(key) }
                if let client = row["client_id"], !client.isEmpty { ownClients.insert(client) }
            }
        }
        for row in tops where !(row["episode_id"].map(ownEpisodes.contains) ?? true) {
            issues.append(issue(.top, row, "episode_id", "episode '\(row["episode_id"]!)' is not one of \(provider)'s"))
        }
        // Withdrawing a client withdraws every record of it: only a client whose every episode is the provider's.
        for (kind, row) in clientRows {
            guard let client = row["client_id"] else { continue }
            if !ownClients.contains(client) {
                issues.append(issue(kind, row, "client_id", "client '\(client)' has no episode at \(provider)"))
            } else if kind == .clients, row["deleted"] == "Y", sharedClients.contains(client) {
                issues.append(issue(kind, row, "deleted", "client '\(client)' has episodes at other providers: only an admin withdraws it"))
            }
        }
        return issues
    }

    private func issue(_ kind: RecordKind, _ row: [String: String], _ column: String, _ reason: String) -> RowIssue {
        RowIssue(file: kind.fileName, line: Int(row[Self.lineKey] ?? "") ?? 0, column: column, reason: reason)
    }

    private static let lineKey = "\u{1F}line"

    /// A file's rows by column name, each with its line under `lineKey`. A file that cannot be read as
    /// CSV gives the rows before the fault: the import that follows names the fault.
    private static func rows(_ bytes: [UInt8]) -> [[String: String]] {
        var reader = CSVReader(bytes: bytes)
        guard let header = try? reader.next() else { return [] }
        var rows: [[String: String]] = []
        while let row = try? reader.next() {
            var values = [lineKey: String(row.line)]
            for (name, value) in zip(header.fields, row.fields) { values[name] = value }
            rows.append(values)
        }
        return rows
    }
}
