import PbRCore
import PbRSimulation
import PbRTestSupport
import Testing

/// The store keeps records as canonical text and reads them back with a byte-level decoder of its own:
/// it must give back exactly what was stored, for every kind and every field.
@Suite("Canonical record text")
struct CanonicalTextTests {
    @Test func everyGeneratedRecordReadsBackUnchanged() {
        let batches = SyntheticExtract.generate(.init(clients: 400, providers: 3, seed: 7))
        let records = batches.flatMap(\.records)
        #expect(Set(records.map(\.kind)) == Set(RecordKind.allCases).subtracting([.claims]))  // the generator writes no claims
        for record in records {
            #expect(RecordSchema.record(record.kind, canonical: RecordSchema.canonicalText(record)) == record)
        }
    }

    @Test func unknownAnswersAndEmptyOptionalFieldsReadBackAsUnknown() {
        var values = TopValues()
        values[.opiatesDays] = 0
        values[.alcoholUnits] = 9_999
        values[.acuteHousing] = 1
        let top = Record.top(TopReview(recordID: RecordID("x,1"), clientID: ClientID("C"), episodeID: RecordID("9"),
                                       on: day("2012-02-29"), stage: .postExit, values: values))
        let episode = Record.episode(Episode(recordID: RecordID("1"), clientID: ClientID("C"), providerID: ProviderID("P"),
                                             startOn: nil, substances: [.alcohol, .other]))
        let claim = Record.claim(Claim(recordID: RecordID("c1"), clientID: ClientID("C"), programme: "work_programme",
                                       outcome: "job, 13 weeks", achievedOn: day("2013-03-31")))
        for record in [top, episode, claim] {
            #expect(RecordSchema.record(record.kind, canonical: RecordSchema.canonicalText(record)) == record)
        }
    }

    @Test func textThatIsNotCanonicalIsRefused() {
        #expect(RecordSchema.record(.events, canonical: "1\u{1F}C\u{1F}2012-01-01\u{1F}work_activity") == nil)
        #expect(RecordSchema.record(.events, canonical: "1\u{1F}C\u{1F}2012-02-30\u{1F}work_activity\u{1F}") == nil)
        #expect(RecordSchema.record(.events, canonical: "1\u{1F}C\u{1F}2012-01-01\u{1F}party\u{1F}") == nil)
    }
}
