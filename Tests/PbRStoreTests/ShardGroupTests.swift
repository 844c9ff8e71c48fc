@testable import PbRStore
import PbRCore
import Testing

/// A shard finds each client's history through a hash table of its own, which grows as clients come.
@Suite("Shard groups")
struct ShardGroupTests {
    func event(_ number: Int, of client: Int) -> Record {
        .event(Event(recordID: RecordID(String(number)), clientID: ClientID("C\(client)"), on: Day(ordinal: Int32(15_000 + number)),
                     kind: .goalAgreed))
    }

    @Test func thousandsOfClientsEachKeepTheirOwnRecordsInTheOrderFirstMet() {
        var group = ShardGroup()
        let clients = 5_000  // the table starts with 1,024 slots, so it grows several times
        for round in 0..<3 {
            for client in 0..<clients {
                let record = event(round * clients + client, of: (client * 7_919) % clients)
                group.add(record, clientHash: ShardGroup.hash(of: record.clientID))
            }
        }
        #expect(group.histories.map(\.clientID) == (0..<clients).map { ClientID("C\(($0 * 7_919) % clients)") })
        for (index, history) in group.histories.enumerated() {
            #expect(history.events.map(\.recordID.rawValue) == (0..<3).map { String($0 * clients + index) })
        }
    }
}
