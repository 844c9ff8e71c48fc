import PbRCore

/// Checks what a row refers to: its client, a TOP's episode (and that the episode is the same client's),
/// and that a withdrawal names a record that exists. A reference resolves to a good row of this extract
/// or to a record already in the store; a row that refers to a bad row is therefore bad too.
struct ReferenceChecker {
    private var files: [ParsedFile]
    private var storedClients: Set<String> = []
    private var storedEpisodeClients: [String: String] = [:]
    private var storedKeys: [RecordKind: Set<String>] = [:]

    init(files: [ParsedFile]) { self.files = files }

    private var extractClients: Set<String> {
        Set(files.first { $0.kind == .clients }?.candidates.map(\.key) ?? [])
    }

    /// Asks the store about the keys the extract refers to but does not carry.
    mutating func loadExisting(from existing: any ExistingRecords) async throws {
        let clientsHere = extractClients
        let episodesHere = Set(files.first { $0.kind == .episodes }?.candidates.map(\.key) ?? [])
        var clientRefs: Set<String> = [], episodeRefs: Set<String> = []
        var withdrawals: [RecordKind: Set<String>] = [:]
        for file in files {
            for candidate in file.candidates {
                if candidate.record == nil { withdrawals[file.kind, default: []].insert(candidate.key) }
                if file.kind != .clients, !candidate.clientID.isEmpty, !clientsHere.contains(candidate.clientID) {
                    clientRefs.insert(candidate.clientID)
                }
                if case .top(let top)? = candidate.record, !episodesHere.contains(top.episodeID.rawValue) {
                    episodeRefs.insert(top.episodeID.rawValue)
                }
            }
        }
        for (kind, keys) in withdrawals { storedKeys[kind] = try await existing.existingKeys(kind, among: keys) }
        storedClients = try await existing.existingClients(among: clientRefs)
        storedEpisodeClients = try await existing.episodeClients(among: episodeRefs)
    }

    /// The good rows and the bad ones, in file and line order.
    mutating func check() -> (rows: [JournalRow], issues: [RowIssue]) {
        var rows: [JournalRow] = []
        var issues: [RowIssue] = files.flatMap(\.issues)
        var goodClients = storedClients
        var goodEpisodes = storedEpisodeClients
        for file in files {
            for candidate in file.candidates {
                if let reason = problem(with: candidate, kind: file.kind, clients: goodClients, episodes: goodEpisodes) {
                    issues.append(RowIssue(file: file.kind.fileName, line: candidate.line, column: reason.column,
                                           reason: reason.text, raw: file.raw(candidate.range)))
                    continue
                }
                let clientID = file.kind == .clients ? candidate.key : candidate.clientID
                if file.kind == .clients { goodClients.insert(candidate.key) }
                if file.kind == .episodes, let record = candidate.record { goodEpisodes[candidate.key] = record.clientID.rawValue }
                rows.append(JournalRow(kind: file.kind, key: candidate.key, clientID: clientID, record: candidate.record))
            }
        }
        issues.sort { a, b in
            a.file != b.file ? RecordKind.order(of: a.file) < RecordKind.order(of: b.file) : a.line < b.line
        }
        return (rows, issues)
    }

    private func problem(with candidate: ParsedFile.Candidate, kind: RecordKind, clients: Set<String>,
                         episodes: [String: String]) -> (column: String?, text: String)? {
        guard let record = candidate.record else {
            let exists = storedKeys[kind]?.contains(candidate.key) ?? false
            return exists ? nil : (RecordSchema.keyColumn(kind), "withdraws '\(candidate.key)', which is not in the store")
        }
        guard kind != .clients else { return nil }
        let client = record.clientID.rawValue
        guard clients.contains(client) else { return ("client_id", "unknown client '\(client)'") }
        if case .top(let top) = record {
            guard let owner = episodes[top.episodeID.rawValue] else {
                return ("episode_id", "unknown episode '\(top.episodeID)'")
            }
            guard owner == client else {
                return ("episode_id", "episode '\(top.episodeID)' belongs to client '\(owner)', not '\(client)'")
            }
        }
        return nil
    }
}

extension RecordKind {
    static func order(of fileName: String) -> Int {
        allCases.firstIndex { $0.fileName == fileName } ?? allCases.count
    }
}
