@testable import PbRStore
import Foundation
import PbRCore
import PbRTestSupport
import SQLKit
import Testing

/// One client's rows read through the journal's client index (migration 9): the same history as the
/// whole journal gives for that client, and the stored episodes an upload is checked against.
@Suite("One client's rows")
struct ClientRowsTests {
    @Test func oneClientsHistoryIsTheWholeJournalsHistoryOfThatClient() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        let all = try await store.histories(knownAt: nil)
        var alone: [ClientID: ClientHistory] = [:]
        for history in all { alone[history.clientID] = try await store.histories(knownAt: nil, client: history.clientID).first }
        let missing = try await store.histories(knownAt: nil, client: ClientID("Z999"))
        try await store.close()
        #expect(all.count == 4 && missing.isEmpty)
        for history in all {
            let one = try #require(alone[history.clientID])
            #expect(Set(one.episodes) == Set(history.episodes) && Set(one.tops) == Set(history.tops))
            #expect(Set(one.offences) == Set(history.offences) && Set(one.assessments) == Set(history.assessments))
            #expect(Set(one.events) == Set(history.events) && one.client == history.client)
        }
        // A001's review of 2013-02-11 as batch2 corrected it: crack on 2 days.
        #expect(alone[ClientID("A001")]?.tops.first { $0.recordID == RecordID("102") }?.values[.crackDays] == 2)
    }

    @Test func episodeVersionsFindsEpisodesByRecordAndByClient() async throws {
        let (store, _) = try await temporaryStore()
        try await importExtract(Fixtures.url("small/batch1"), into: store)
        try await importExtract(Fixtures.url("small/batch2"), into: store)
        let byRecord = try await store.episodeVersions(recordIDs: ["10", "13", "99"], clients: [])
        let byClient = try await store.episodeVersions(recordIDs: [], clients: [ClientID("A002"), ClientID("A004")])
        try await store.close()
        #expect(byRecord.map { "\($0.recordID) \($0.clientID) \($0.providerID)" }.sorted() == ["10 A001 P01", "13 A004 P02"])
        #expect(byClient.map { "\($0.recordID) \($0.clientID) \($0.providerID)" }.sorted()
                == ["11 A002 P02", "13 A004 P02", "14 A004 P03", "15 A002 P02"])
    }
}
