import PbRCore
import SQLKit

extension JournalStore {
    public func existingClients(among ids: Set<String>) async throws -> Set<String> {
        try await existingKeys(.clients, among: ids)
    }

    public func existingKeys(_ kind: RecordKind, among keys: Set<String>) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in Self.chunks(of: keys) {
            let rows = try await database.raw("""
                SELECT DISTINCT record_key FROM journal WHERE kind = \(bind: kind.rawValue) AND record_key IN (\(binds: chunk))
                """).all()
            for row in rows { found.insert(try row.decode(column: "record_key", as: String.self)) }
        }
        return found
    }

    public func episodeClients(among ids: Set<String>) async throws -> [String: String] {
        var owners: [String: String] = [:]
        for chunk in Self.chunks(of: ids) {
            // The latest version names the episode's client; a withdrawal row may leave it empty.
            let rows = try await database.raw("""
                SELECT record_key, client_id FROM journal
                WHERE kind = 'episodes' AND deleted = 0 AND record_key IN (\(binds: chunk))
                ORDER BY record_key, known_at_epoch, import_id
                """).all()
            for row in rows {
                owners[try row.decode(column: "record_key", as: String.self)] = try row.decode(column: "client_id", as: String.self)
            }
        }
        return owners
    }

    static func chunks(of keys: Set<String>) -> [[String]] {
        let sorted = keys.sorted()
        return stride(from: 0, to: sorted.count, by: 500).map { Array(sorted[$0..<min($0 + 500, sorted.count)]) }
    }
}
