import PbRCore
import PbRSimulation
import Testing

@Suite("Synthetic extract: replayable from its seed")
struct SyntheticExtractDeterminismTests {
    @Test func splitMix64GivesTheReferenceSequenceForSeedZero() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedGivesIdenticalBatches() {
        let configuration = SyntheticExtract.Configuration(clients: 600, providers: 4, seed: 77)
        let first = SyntheticExtract.generate(configuration)
        let second = SyntheticExtract.generate(configuration)
        #expect(first.map(\.records.count) == second.map(\.records.count))
        #expect(first.map(\.withdrawals) == second.map(\.withdrawals))
        for (a, b) in zip(first, second) {
            for index in stride(from: 0, to: a.records.count, by: 97) { #expect(a.records[index] == b.records[index]) }
        }
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentBatches() {
        let first = SyntheticExtract.generate(.init(clients: 600, seed: 1))
        let second = SyntheticExtract.generate(.init(clients: 600, seed: 2))
        #expect(first[0].records.count != second[0].records.count || first[0].records != second[0].records)
        // Same client ids, different lives.
        #expect(Set(Records(first[0].records).clients.map(\.id)) == Set(Records(second[0].records).clients.map(\.id)))
        #expect(Records(first[0].records).episodes != Records(second[0].records).episodes)
    }

    @Test func theSeedIsNamedInEverySource() {
        for batch in Fixture.batches { #expect(batch.source.contains("seed 2012")) }
    }
}
