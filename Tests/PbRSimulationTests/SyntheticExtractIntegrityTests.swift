import PbRCore
import PbRSimulation
import Testing

@Suite("Synthetic extract: every batch would import cleanly")
struct SyntheticExtractIntegrityTests {
    let batches = Fixture.batches

    @Test func theThreeBatchesAreKnownInIncreasingOrder() {
        #expect(batches.map(\.name) == ["01-treatment-2016-04", "02-police-2016-07", "03-corrections-2016-08"])
        #expect(batches[0].knownAt == Moment(iso: "2016-04-05T09:00:00+01:00")!)
        #expect(batches[0].knownAt < batches[1].knownAt && batches[1].knownAt < batches[2].knownAt)
    }

    @Test func everyRecordRefersToAClientSentInTheSameBatchOrEarlier() {
        var clients = Set<ClientID>()
        for batch in batches {
            for case .client(let client) in batch.records { clients.insert(client.id) }
            #expect(batch.records.allSatisfy { clients.contains($0.clientID) })
        }
        #expect(clients.count == Fixture.configuration.clients)
    }

    @Test func everyTopsEpisodeWasSentNoLaterAndBelongsToTheSameClient() {
        var episodeClient: [RecordID: ClientID] = [:]
        var tops = 0, orphans: [RecordID] = []
        for batch in batches {
            for case .episode(let episode) in batch.records { episodeClient[episode.recordID] = episode.clientID }
            for case .top(let top) in batch.records {
                tops += 1
                if episodeClient[top.episodeID] != top.clientID { orphans.append(top.recordID) }
            }
        }
        #expect(tops > 0)
        #expect(orphans.isEmpty)
    }

    @Test func topsFallWithinTheirEpisode() {
        let episodes = Dictionary(uniqueKeysWithValues: Fixture.treatment.episodes.map { ($0.recordID, $0) })
        let misplaced = Fixture.treatment.tops.filter { top in
            guard let episode = episodes[top.episodeID], let start = episode.startOn, top.on >= start else { return true }
            switch top.stage {
            case .start: return top.on != start
            case .review: return episode.endOn.map { top.on >= $0 } ?? false
            case .exit: return top.on != episode.endOn
            case .postExit: return episode.endOn.map { top.on <= $0 } ?? true
            }
        }
        #expect(misplaced.isEmpty)
    }

    @Test func episodesAreReferredThenStartedThenEnded() {
        for episode in Fixture.original.episodes + Fixture.corrections.episodes {
            #expect(episode.referralOn != nil)
            #expect((episode.endOn == nil) == (episode.dischargeReason == nil))
            #expect(!episode.substances.isEmpty && episode.substances.count <= 3)
            guard let start = episode.startOn else {
                #expect(episode.endOn == nil)
                continue
            }
            if let referral = episode.referralOn { #expect(referral <= start) }
            if let end = episode.endOn { #expect(end >= start) }
        }
    }

    @Test func withdrawnKeysWereSentInAnEarlierBatch() {
        var sent = Set<String>()
        for batch in batches {
            for withdrawal in batch.withdrawals {
                #expect(sent.contains(withdrawal.kind.rawValue + "/" + withdrawal.key))
            }
            for record in batch.records { sent.insert(record.kind.rawValue + "/" + record.key) }
        }
        let withdrawals = batches[2].withdrawals
        #expect(batches[0].withdrawals.isEmpty && batches[1].withdrawals.isEmpty)
        #expect((2...3).contains(withdrawals.filter { $0.kind == .clients }.count))
        #expect(withdrawals.contains { $0.kind == .top } && withdrawals.contains { $0.kind == .events })
    }

    @Test func recordIDsAreUniquePerKindExceptDeliberateCorrections() {
        var keys = Set<String>()
        for record in batches[0].records + batches[1].records {
            #expect(keys.insert(record.kind.rawValue + "/" + record.key).inserted)
        }
        // Every record in the correction batch is a new version of one sent before.
        #expect(batches[2].records.allSatisfy { keys.contains($0.kind.rawValue + "/" + $0.key) })
    }

    @Test func correctionsResendChangedVersionsOfTheSameRows() throws {
        let tops = Dictionary(uniqueKeysWithValues: Fixture.treatment.tops.map { ($0.recordID, $0) })
        #expect(!Fixture.corrections.tops.isEmpty && !Fixture.corrections.episodes.isEmpty)
        for corrected in Fixture.corrections.tops {
            let original = try #require(tops[corrected.recordID])
            #expect(corrected.values != original.values)
            #expect(corrected.clientID == original.clientID && corrected.episodeID == original.episodeID)
            #expect(corrected.on == original.on && corrected.stage == original.stage)
        }
        let episodes = Dictionary(uniqueKeysWithValues: Fixture.treatment.episodes.map { ($0.recordID, $0) })
        for corrected in Fixture.corrections.episodes {
            let original = try #require(episodes[corrected.recordID])
            #expect(corrected.dischargeReason != original.dischargeReason)
            #expect(corrected.startOn == original.startOn && corrected.clientID == original.clientID)
        }
    }

    @Test func everyTopValueIsWithinItsFieldsRange() {
        var outOfRange: [String] = []
        for top in Fixture.original.tops + Fixture.corrections.tops {
            for field in TopField.allCases {
                if let value = top.values[field], !field.validRange.contains(value) {
                    outOfRange.append("TOP \(top.recordID) \(field.rawValue) = \(value)")
                }
            }
        }
        #expect(outOfRange.isEmpty)
    }
}
