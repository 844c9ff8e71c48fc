@testable import PbRStore
import Foundation
import PbRCore
import PbRTestSupport
import SQLKit
import Testing

/// The store lists every provider its episodes name, with the import that named it first: what the
/// importer checks a new provider id against (`p03` beside `P03`).
@Suite("The providers table")
struct ProviderListTests {
    func listed(_ store: JournalStore) async throws -> [String] {
        try await store.database.raw("SELECT provider_id, first_import_id FROM providers ORDER BY provider_id").all().map {
            "\(try $0.decode(column: "provider_id", as: String.self)) #\(try $0.decode(column: "first_import_id", as: Int.self))"
        }
    }

    @Test func eachImportListsTheProvidersItNamesFirst() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        let header = "record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"
        let later = try ExtractFolders.write(["episodes.csv": header + "20,A001,P04,,2013-06-14,,,opiates,,,self\n21,A002,P01,,2013-06-14,,,alcohol,,,gp\n"],
                                             knownAt: "2013-07-05T09:00:00+01:00")
        try await importExtract(later, into: store)
        let providers = try await listed(store)
        let problems = try await store.check()
        try await store.close()
        #expect(providers == ["P01 #1", "P02 #1", "P03 #1", "P04 #2"])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func aStoreFromBeforeTheProvidersTableGetsItFilledFromItsEpisodes() async throws {
        let (store, location) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        // As a store of schema version 2 was: no providers table, no warnings column, no ledger, no users, no stored results.
        for table in ["simulation_runs", "diagnostics_runs", "voice_feedback", "assessment_details", "audit_log", "credentials", "users", "verification_lines", "verification_providers", "verification_samples",
                      "disputes", "statement_lines", "statements", "ledger_periods", "contract_versions", "providers"] {
            try await store.database.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
        try await store.database.raw("ALTER TABLE imports DROP COLUMN warnings").run()
        try await store.database.raw("DELETE FROM pbr_migrations WHERE version >= 3").run()
        try await store.close()
        let reopened = try await JournalStore.open(location)
        let providers = try await listed(reopened)
        let warnings = try await reopened.imports().map(\.warnings)
        let problems = try await reopened.check()
        try await reopened.close()
        #expect(providers == ["P01 #1", "P02 #1", "P03 #1"])
        #expect(warnings == [[], []])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func dbCheckFindsAProvidersTableThatDoesNotMatchTheEpisodes() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await store.database.raw("DELETE FROM providers WHERE provider_id = 'P02'").run()
        try await store.database.raw("INSERT INTO providers (provider_id, first_import_id) VALUES ('P09', 1)").run()
        let problems = try await store.check()
        try await store.close()
        #expect(problems.map(\.description) == ["providers: not listed with the import that named them first: P02",
                                                 "providers: listed but named by no episode: P09"])
    }
}
