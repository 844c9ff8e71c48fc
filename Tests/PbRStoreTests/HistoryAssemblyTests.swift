@testable import PbRStore
import PbRCore
import PbRSimulation
import Testing

/// The read path decodes batches on several threads and groups each into clients' histories as soon as
/// the batches before it are grouped: the histories must be those of one pass in the read's order,
/// whatever the scheduling, with the records a client's withdrawal hides left out.
@Suite("History assembly")
struct HistoryAssemblyTests {
    /// Every record of a history, kind by kind, each kind in the order it was added.
    func flattened(_ history: ClientHistory) -> [Record] {
        (history.client.map { [Record.client($0)] } ?? [])
            + history.assessments.map(Record.assessment) + history.episodes.map(Record.episode) + history.tops.map(Record.top)
            + history.offences.map(Record.offence) + history.events.map(Record.event) + history.claims.map(Record.claim)
    }

    @Test func batchesGroupedOnManyThreadsGiveTheHistoriesOfOnePassInOrder() throws {
        let records = SyntheticExtract.generate(.init(clients: 600, providers: 3, seed: 11)).first!.records
            .sorted { ($0.kind.rawValue, $0.key) < ($1.kind.rawValue, $1.key) }
        // Two clients withdrawn after their records were sent, one before: only the first two hide anything.
        let clients = Array(Set(records.map(\.clientID))).sorted().prefix(3)
        let withdrawals: [String: VersionResolver.Version] = [clients[0].rawValue: (20, 2), clients[1].rawValue: (30, 3),
                                                               clients[2].rawValue: (5, 1)]
        var expected: [ClientID: [Record]] = [:]
        for record in records where record.kind == .clients || !VersionResolver.isHidden(client: record.clientID, version: (10, 1), by: withdrawals) {
            expected[record.clientID, default: []].append(record)
        }
        for batchSize in [1, 7, 500, records.count] {
            let assembly = HistoryAssembly(withdrawals: withdrawals)
            for start in stride(from: 0, to: records.count, by: batchSize) {
                var batch = WinnerBatch()
                for record in records[start..<min(start + batchSize, records.count)] {
                    batch.append(record.kind, text: RecordSchema.canonicalText(record).utf8, version: (10, 1))
                }
                assembly.decode(batch)
            }
            let histories = try assembly.wait()
            #expect(histories.count == Set(histories.map(\.clientID)).count, "one history a client")
            let grouped = Dictionary(uniqueKeysWithValues: histories.map { ($0.clientID, flattened($0)) })
            #expect(grouped == expected.mapValues { records in records.sorted { $0.kind < $1.kind } }, "batches of \(batchSize)")
        }
    }
}
