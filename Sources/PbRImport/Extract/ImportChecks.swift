import PbRCore

/// Checks what each row of a parsed block refers to, and that its key does not repeat in its file.
///
/// Files are checked in `RecordKind` order, so a row refers only to files already written: a reference
/// resolves to a good row of this extract or to a record already in the store, and a row that refers to
/// a bad row is bad too. The store (inside the import's transaction) is the authority; what is held here
/// is bounded (`SeenKeys`, `BoundedCache`), so memory does not grow with the extract.
struct ImportChecks {
    /// A repeated key found where the first row is in the store, not in memory: its first line is found
    /// by reading the file again once it is done (`FirstLines`).
    struct Repeat {
        let kind: RecordKind
        let key: String
        let line: Int
        let raw: String

        func issue(firstOn first: Int) -> RowIssue {
            RowIssue(file: kind.fileName, line: line, column: RecordSchema.keyColumn(kind),
                     reason: "'\(key)' is duplicated (first on line \(first))", raw: raw)
        }
    }

    let session: any ImportSession
    private var clients = BoundedCache<Void>(limit: 1_000_000)
    private var episodes = BoundedCache<String>(limit: 1_000_000)
    /// Read from the store when the first episodes are checked: a few hundred ids, held whole.
    private var providers: ProviderNames?
    // Per file:
    private var seen = SeenKeys()
    /// Keys of the file's bad rows with their line: they are not in the store to be asked about.
    private var rejectedKeys: [String: Int] = [:]
    /// The late facts of the file's rows checked good.
    private(set) var late = LateFacts()

    init(session: any ImportSession) { self.session = session }

    /// Starts a file: keys repeat only within a file.
    mutating func startFile() {
        seen = SeenKeys()
        rejectedKeys = [:]
        late = LateFacts()
    }

    /// The block's good rows, its bad ones, and repeats whose first line is still to be found.
    /// - Parameter writing: the file's rows being written meanwhile, which the store cannot answer for yet.
    mutating func check(_ block: ParsedBlock, writing: [JournalRow]) async throws
        -> (rows: [JournalRow], issues: [RowIssue], repeats: [Repeat]) {
        let kind = block.layout.kind, file = block.layout.file
        let (candidates, repeatIssues, repeats, repeatedAt) = try await withoutRepeats(block, writing: writing)
        var issues = repeatIssues

        // What the rows refer to: the caches first, then the store for the rest, in one question each.
        // The caches' answers are kept by candidate, so each id is looked up once (and a cache that
        // starts again meanwhile cannot forget one).
        var askClients: Set<String> = [], askEpisodes: Set<String> = [], withdrawn: Set<String> = []
        var clientCached = [Bool](repeating: false, count: candidates.count)
        var ownerCached = [String?](repeating: nil, count: kind == .top ? candidates.count : 0)
        for (index, candidate) in candidates.enumerated() {
            let row = candidate.row
            if row.withdraws { withdrawn.insert(row.key); continue }
            if kind != .clients {
                if clients[row.clientID] != nil { clientCached[index] = true } else { askClients.insert(row.clientID) }
            }
            if kind == .top {
                if let owner = episodes[candidate.episodeID] { ownerCached[index] = owner } else { askEpisodes.insert(candidate.episodeID) }
            }
        }
        let foundClients = askClients.isEmpty ? [] : try await session.knownClients(among: askClients)
        let foundEpisodes = askEpisodes.isEmpty ? [:] : try await session.episodeClients(among: askEpisodes)
        let stored = withdrawn.isEmpty ? [] : try await session.storedKeys(kind, among: withdrawn)
        for client in foundClients { clients.insert(client, ()) }
        for (episode, client) in foundEpisodes { episodes.insert(episode, client) }
        if kind == .episodes, providers == nil { providers = ProviderNames(try await session.providers()) }
        var newProviders: [String] = []

        var rows: [JournalRow] = []
        rows.reserveCapacity(candidates.count)
        for (index, candidate) in candidates.enumerated() {
            let row = candidate.row
            let clientKnown = clientCached[index] || foundClients.contains(row.clientID)
            let owner = kind == .top ? ownerCached[index] ?? foundEpisodes[candidate.episodeID] : nil
            let problem = problem(with: candidate, kind: kind, stored: stored, clientKnown: clientKnown, owner: owner)
                ?? providerProblem(with: candidate)
            if let problem {
                rejectedKeys[row.key] = candidate.line
                issues.append(RowIssue(file: file, line: candidate.line, column: problem.column, reason: problem.text,
                                       raw: block.raw(candidate.range)))
                continue
            }
            if kind == .clients { clients.insert(row.key, ()) }
            if kind == .episodes, !row.withdraws {
                episodes.insert(row.key, row.clientID)
                if providers!.insert(candidate.providerID) { newProviders.append(candidate.providerID) }
            }
            if let facts = candidate.late { late.add(facts, line: candidate.line) }
            rows.append(row)
        }
        if !newProviders.isEmpty { try await session.addProviders(newProviders) }
        // Keys first seen on rows bad on their own, so that a later row repeating one is refused too.
        for key in block.keys where !key.parsed && repeatedAt[key.line] == nil && rejectedKeys[key.key] == nil {
            rejectedKeys[key.key] = key.line
        }
        return (rows, issues, repeats)
    }

    /// The block's candidates whose keys do not repeat; the issues of those that do (the block's own
    /// issues first), or the repeats whose first line is still to be found; and the lines that repeat.
    private mutating func withoutRepeats(_ block: ParsedBlock, writing: [JournalRow]) async throws
        -> (candidates: [ParsedBlock.Candidate], issues: [RowIssue], repeats: [Repeat], repeatedAt: [Int: Int?]) {
        let kind = block.layout.kind
        var issues = block.issues
        var repeats: [Repeat] = []
        // A row may repeat a key earlier in the block, a bad row's, or (maybe) a written row's.
        var repeatedAt: [Int: Int?] = [:]
        var suspects: [(key: String, line: Int)] = []
        for key in block.keys {
            if let first = key.repeats { repeatedAt[key.line] = first; continue }
            if !rejectedKeys.isEmpty, let first = rejectedKeys[key.key] { repeatedAt[key.line] = first; continue }
            if seen.insert(hash: key.hash) { suspects.append((key.key, key.line)) }
        }
        if !suspects.isEmpty {
            var written = try await session.writtenKeys(kind, among: Set(suspects.map(\.key)))
            written.formUnion(writing.lazy.map(\.key))
            for suspect in suspects where written.contains(suspect.key) { repeatedAt[suspect.line] = .some(nil) }
        }
        // Mostly nothing repeats: the block's own array then, not a copy of it.
        guard !repeatedAt.isEmpty else { return (block.candidates, issues, repeats, repeatedAt) }
        var candidates: [ParsedBlock.Candidate] = []
        candidates.reserveCapacity(block.candidates.count)
        for candidate in block.candidates {
            guard let first = repeatedAt[candidate.line] else { candidates.append(candidate); continue }
            let repeated = Repeat(kind: kind, key: candidate.row.key, line: candidate.line, raw: block.raw(candidate.range))
            if let first { issues.append(repeated.issue(firstOn: first)) } else { repeats.append(repeated) }
        }
        return (candidates, issues, repeats, repeatedAt)
    }

    /// An episode's provider that differs only in case from one the store or this import already has
    /// (the first to come is kept: the store's, else the earlier row's).
    private func providerProblem(with candidate: ParsedBlock.Candidate) -> (column: String?, text: String)? {
        guard !candidate.providerID.isEmpty, let known = providers?.clash(candidate.providerID) else { return nil }
        return ("provider_id", "provider '\(candidate.providerID)' differs only in case from '\(known)'")
    }

    /// - Parameters:
    ///   - clientKnown: whether the row's client is in this import or the store.
    ///   - owner: a TOP's episode's client, if the episode is known.
    private func problem(with candidate: ParsedBlock.Candidate, kind: RecordKind, stored: Set<String>,
                         clientKnown: Bool, owner: String?) -> (column: String?, text: String)? {
        let row = candidate.row
        if row.withdraws {
            return stored.contains(row.key) ? nil : (RecordSchema.keyColumn(kind), "withdraws '\(row.key)', which is not in the store")
        }
        guard kind != .clients else { return nil }
        let client = row.clientID
        guard clientKnown else { return ("client_id", "unknown client '\(client)'") }
        guard kind == .top else { return nil }
        let episode = candidate.episodeID
        guard let owner else { return ("episode_id", "unknown episode '\(episode)'") }
        guard owner == client else { return ("episode_id", "episode '\(episode)' belongs to client '\(owner)', not '\(client)'") }
        return nil
    }
}
