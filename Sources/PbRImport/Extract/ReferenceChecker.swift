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

    /// The good rows and the bad ones, in file and line order. Clients first, then episodes (which may
    /// refer only to clients), then the other files in pieces on every core (they refer to both).
    mutating func check() -> (rows: [JournalRow], issues: [RowIssue]) {
        var clients = storedClients
        var episodes = storedEpisodeClients
        var checked: [RecordKind: [(rows: [JournalRow], issues: [RowIssue])]] = [:]
        for kind in [RecordKind.clients, .episodes] {
            guard let file = files.first(where: { $0.kind == kind }) else { continue }
            let result = check(file, file.candidates.indices, clients: clients, episodes: episodes)
            for row in result.rows {
                if kind == .clients { clients.insert(row.key) } else if row.record != nil { episodes[row.key] = row.clientID }
            }
            checked[kind] = [result]
        }
        let pieces = files.indices.filter { files[$0].kind != .clients && files[$0].kind != .episodes }.flatMap { file in
            let count = files[file].candidates.count
            return stride(from: 0, to: count, by: 200_000).map { (file: file, range: $0..<min($0 + 200_000, count)) }
        }
        do {
            let (goodClients, goodEpisodes, checker) = (clients, episodes, self)
            let results = concurrentMap(pieces.count) { index in
                checker.check(checker.files[pieces[index].file], pieces[index].range, clients: goodClients, episodes: goodEpisodes)
            }
            for (piece, result) in zip(pieces, results) { checked[files[piece.file].kind, default: []].append(result) }
        }
        var issues = files.flatMap(\.issues)
        files = []  // the candidates are in the results now: let them go before the rows are joined
        var rows: [JournalRow] = []
        rows.reserveCapacity(files.reduce(0) { $0 + $1.candidates.count })
        // Each piece is emptied as it is joined, so the rows are never held twice (millions at national scale).
        for kind in RecordKind.allCases {
            guard var parts = checked.removeValue(forKey: kind) else { continue }
            for index in parts.indices {
                rows += parts[index].rows
                issues += parts[index].issues
                parts[index] = ([], [])
            }
        }
        issues.sort { a, b in
            a.file != b.file ? RecordKind.order(of: a.file) < RecordKind.order(of: b.file) : a.line < b.line
        }
        return (rows, issues)
    }

    private func check(_ file: ParsedFile, _ range: Range<Int>, clients: Set<String>,
                       episodes: [String: String]) -> (rows: [JournalRow], issues: [RowIssue]) {
        var rows: [JournalRow] = [], issues: [RowIssue] = []
        rows.reserveCapacity(range.count)
        for candidate in file.candidates[range] {
            if let reason = problem(with: candidate, kind: file.kind, clients: clients, episodes: episodes) {
                issues.append(RowIssue(file: file.kind.fileName, line: candidate.line, column: reason.column,
                                       reason: reason.text, raw: file.raw(candidate.range)))
                continue
            }
            let clientID = file.kind == .clients ? candidate.key : candidate.clientID
            rows.append(JournalRow(kind: file.kind, key: candidate.key, clientID: clientID, record: candidate.record))
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
