import PbRCore
import PbRTestSupport
import Testing

@Suite("Journal versions")
struct VersionResolverTests {
    let june = Moment(iso: "2013-06-05T09:00:00+01:00")!
    let august = Moment(iso: "2013-08-06T09:00:00+01:00")!

    func entry(_ record: Record?, kind: RecordKind? = nil, key: String? = nil, at: Moment, sequence: Int64) -> JournalEntry {
        JournalEntry(kind: kind ?? record!.kind, key: key ?? record!.key, knownAt: at, sequence: sequence, record: record)
    }

    func offence(_ id: String, _ on: String) -> Record {
        .offence(Offence(recordID: RecordID(id), clientID: ClientID("C1"), offenceOn: day(on)))
    }

    let client = Record.client(Client(id: ClientID("C1")))

    func resolve(_ entries: [JournalEntry], knownAt: Moment?) -> [Record] {
        VersionResolver.records(of: entries, knownAt: knownAt).sorted { $0.key < $1.key }
    }

    @Test func aLaterVersionReplacesAnEarlierOneOnlyForRunsThatKnowIt() {
        let entries = [entry(client, at: june, sequence: 1), entry(offence("1", "2012-01-01"), at: june, sequence: 1),
                       entry(offence("1", "2012-02-02"), at: august, sequence: 2)]
        #expect(resolve(entries, knownAt: nil).contains(offence("1", "2012-02-02")))
        #expect(resolve(entries, knownAt: june).contains(offence("1", "2012-01-01")))
        #expect(resolve(entries.reversed(), knownAt: nil).contains(offence("1", "2012-02-02")))
    }

    @Test func versionsAreOrderedByKnownAtNotByImportOrder() {
        // The August extract was imported first; the June one, imported later, is still the older version.
        let entries = [entry(client, at: june, sequence: 1), entry(offence("1", "2012-02-02"), at: august, sequence: 1),
                       entry(offence("1", "2012-01-01"), at: june, sequence: 2)]
        #expect(resolve(entries, knownAt: nil).contains(offence("1", "2012-02-02")))
    }

    @Test func theSameKnownAtIsBrokenByImportOrder() {
        let entries = [entry(client, at: june, sequence: 1), entry(offence("1", "2012-01-01"), at: june, sequence: 1),
                       entry(offence("1", "2012-03-03"), at: june, sequence: 2)]
        #expect(resolve(entries, knownAt: nil).contains(offence("1", "2012-03-03")))
    }

    @Test func aWithdrawalRemovesTheRecordFromItsKnownAtOn() {
        let entries = [entry(client, at: june, sequence: 1), entry(offence("1", "2012-01-01"), at: june, sequence: 1),
                       entry(nil, kind: .offences, key: "1", at: august, sequence: 2)]
        #expect(resolve(entries, knownAt: nil) == [client])
        #expect(resolve(entries, knownAt: june).count == 2)
    }

    @Test func aWithdrawnClientTakesItsRecordsEachUntilItIsSentAgain() {
        var entries = [entry(client, at: june, sequence: 1), entry(offence("1", "2012-01-01"), at: june, sequence: 1),
                       entry(offence("2", "2012-02-02"), at: june, sequence: 1),
                       entry(nil, kind: .clients, key: "C1", at: august, sequence: 2)]
        #expect(resolve(entries, knownAt: nil).isEmpty)
        #expect(resolve(entries, knownAt: june).count == 3)
        // The client is sent again: it is back, but its offences stay withdrawn until they are sent again.
        let september = Moment(iso: "2013-09-01T00:00:00Z")!
        entries.append(entry(client, at: september, sequence: 3))
        #expect(resolve(entries, knownAt: nil) == [client])
        entries.append(entry(offence("2", "2012-02-02"), at: september, sequence: 3))
        #expect(resolve(entries, knownAt: nil) == [offence("2", "2012-02-02"), client])
    }

    @Test func aRecordSentAfterItsClientsWithdrawalIsSeen() {
        let entries = [entry(client, at: june, sequence: 1), entry(nil, kind: .clients, key: "C1", at: june, sequence: 2),
                       entry(offence("1", "2012-01-01"), at: august, sequence: 3)]
        #expect(resolve(entries, knownAt: nil) == [offence("1", "2012-01-01")])
    }
}
