import PbRCore
import PbRSimulation

/// One generated extract shared by the tests (generation is deterministic, so sharing is safe), and
/// its records by kind.
enum Fixture {
    static let configuration = SyntheticExtract.Configuration(clients: 2_000, providers: 5, seed: 2012)
    static let batches = SyntheticExtract.generate(configuration)
    static let treatment = Records(batches[0].records)
    static let police = Records(batches[1].records)
    static let corrections = Records(batches[2].records)
    /// Treatment and police together: every original record once.
    static let original = Records(batches[0].records + batches[1].records)
    static let contractEnd = Day(year: 2016, month: 3, day: 31)!
}

/// Records split by kind, in the order they were sent.
struct Records {
    var clients: [Client] = []
    var assessments: [Assessment] = []
    var episodes: [Episode] = []
    var tops: [TopReview] = []
    var offences: [Offence] = []
    var events: [Event] = []

    init(_ records: [Record]) {
        for record in records {
            switch record {
            case .client(let r): clients.append(r)
            case .assessment(let r): assessments.append(r)
            case .episode(let r): episodes.append(r)
            case .top(let r): tops.append(r)
            case .offence(let r): offences.append(r)
            case .event(let r): events.append(r)
            case .claim: break  // the generator writes none
            }
        }
    }

    /// Each client's episodes, in the order the generator planned them (date order).
    var episodesByClient: [ClientID: [Episode]] { Dictionary(grouping: episodes, by: \.clientID) }
}
