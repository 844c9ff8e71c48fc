import PbRCore
import PbRStore

/// The journal as a statement pins it, `(known_at, last import)`: the same histories however many
/// imports come later, so a statement can be recomputed and checked at any time.
enum PinnedJournal {
    static func load(_ store: JournalStore, knownAt: Moment?, lastImport: Int, imports: [ImportSummary],
                     progress: (any ProgressDisplay)?) async throws -> [ClientHistory] {
        let cutoff = knownAt?.epochSeconds ?? .max
        let rows = imports.filter { $0.id <= lastImport && (Moment(iso: $0.knownAt)?.epochSeconds ?? .min) <= cutoff }
            .reduce(0) { $0 + $1.rowsImported }
        let loading = progress?.start("Reading the journal", total: rows, unit: "rows")
        let histories = try await store.histories(in: JournalSnapshot(knownAt: knownAt, lastImportID: lastImport)) { loading?.advance(by: $0) }
        loading?.finish()
        return histories
    }
}
