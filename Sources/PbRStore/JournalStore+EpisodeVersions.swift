import PbRCore
import SQLKit

extension JournalStore {
    /// Every stored version (withdrawals left out) of the episodes with these record ids, and of every
    /// episode of these clients: what a provider's upload is checked against, so that it cannot send
    /// another provider's episode or records of a client it does not treat. Reads by the journal's key
    /// and its client index, never the whole journal.
    public func episodeVersions(recordIDs: Set<String>, clients: Set<ClientID>) async throws -> [Episode] {
        var episodes: [Episode] = []
        // By record id the primary key (kind, record_key) finds them; by client, the client index.
        for (column, table, keys) in [("record_key", "journal", recordIDs.sorted()), ("client_id", journalByClient, clients.map(\.rawValue).sorted())] {
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = Array(keys[start..<min(start + 500, keys.count)])
                let rows = try await database.raw("""
                    SELECT fields FROM \(unsafeRaw: table)
                    WHERE kind = 'episodes' AND deleted = 0 AND \(unsafeRaw: column) IN (\(binds: chunk))
                    """).all()
                for row in rows {
                    let text = try row.decode(column: "fields", as: String.self)
                    guard case .episode(let episode)? = RecordSchema.record(.episodes, canonical: text) else {
                        throw StoreError.corrupt("an episode's stored fields cannot be read: \(text)")
                    }
                    episodes.append(episode)
                }
            }
        }
        return episodes
    }
}
