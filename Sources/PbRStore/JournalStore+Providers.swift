import PbRCore
import SQLKit

extension JournalStore {
    /// Every provider the journal's episodes name, in byte order.
    public func providerIDs() async throws -> [ProviderID] {
        try await database.raw("SELECT provider_id FROM providers ORDER BY provider_id").all()
            .map { ProviderID(try $0.decode(column: "provider_id", as: String.self)) }.sorted()
    }
}
