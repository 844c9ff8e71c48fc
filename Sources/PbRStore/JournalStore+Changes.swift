import PbRCore
import SQLKit

/// A record of one client that an import wrote: new, a replacement of an earlier version, or a withdrawal.
public struct JournalChange: Hashable, Sendable {
    public var clientID: ClientID
    /// The file's kind, e.g. `top`, `episodes`.
    public var kind: String
    public var recordKey: String
    public var importID: Int
    public var withdrawn: Bool
    /// An earlier version of the record was in the journal before.
    public var replaces: Bool
}

extension JournalStore {
    /// What the imports after `afterImport`, up to `throughImport` (and known by `knownAt`), wrote for these
    /// clients, by import, kind and key: the data that changed between two statements' pins.
    public func changes(of clients: Set<ClientID>, afterImport: Int, throughImport: Int, knownAt: Moment?) async throws -> [JournalChange] {
        guard !clients.isEmpty, throughImport > afterImport else { return [] }
        var changes: [JournalChange] = []
        let cutoff = knownAt?.epochSeconds ?? Int64.max
        // Each query scans the journal (it is keyed by record, not by import): up to 500 clients are named
        // in one query; for more, one query reads every row of those imports and the clients are picked here.
        let named = clients.count <= 500
        var query = SQLQueryString("""
            SELECT j.client_id, j.kind, j.record_key, j.import_id, j.deleted,
                   EXISTS (SELECT 1 FROM journal e WHERE e.kind = j.kind AND e.record_key = j.record_key
                           AND e.import_id <= \(bind: afterImport)) AS replaces
            FROM journal j
            WHERE j.import_id > \(bind: afterImport) AND j.import_id <= \(bind: throughImport) AND j.known_at_epoch <= \(bind: cutoff)
            """)
        if named {
            for (index, client) in clients.sorted().enumerated() {
                query.appendInterpolation(unsafeRaw: index == 0 ? " AND j.client_id IN (" : ", ")
                query.appendInterpolation(bind: client.rawValue)
            }
            query.appendInterpolation(unsafeRaw: ")")
        }
        for row in try await database.raw(query).all() {
            let client = ClientID(try row.decode(column: "client_id", as: String.self))
            guard named || clients.contains(client) else { continue }
            changes.append(JournalChange(clientID: client, kind: try row.decode(column: "kind", as: String.self),
                                         recordKey: try row.decode(column: "record_key", as: String.self),
                                         importID: try row.decode(column: "import_id", as: Int.self),
                                         withdrawn: try row.decode(column: "deleted", as: Int.self) != 0,
                                         replaces: try row.decode(column: "replaces", as: Bool.self)))
        }
        return changes.sorted { ($0.importID, $0.kind, $0.recordKey) < ($1.importID, $1.kind, $1.recordKey) }
    }
}
