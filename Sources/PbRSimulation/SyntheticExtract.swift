import PbRCore

/// A seeded synthetic extract for English drug treatment, 2011-2016: what a commissioner would receive
/// from the treatment system, the police and a later audit, in three batches.
///
/// The same configuration always gives the same batches: nothing reads a clock or the environment.
public struct SyntheticExtract: Sendable {
    public struct Configuration: Sendable {
        /// Clients to generate: 3,000 for a demo, 300,000 for a benchmark.
        public var clients: Int
        /// Providers `P01` ... (at least one; transfers go to another provider when there is one).
        public var providers: Int
        /// Replays the extract: print it with every simulation.
        public var seed: UInt64

        public init(clients: Int = 3_000, providers: Int = 5, seed: UInt64 = 2012) {
            self.clients = clients; self.providers = providers; self.seed = seed
        }
    }

    /// One extract folder's worth of rows.
    public struct Batch: Hashable, Sendable {
        /// The folder name, e.g. `01-treatment-2016-04`.
        public var name: String
        /// The extract's `known_at`.
        public var knownAt: Moment
        /// The extract's `source`, naming the seed.
        public var source: String
        /// New records, or new versions of records sent before (same key).
        public var records: [Record]
        /// Rows with `deleted` = `Y`, each of a record sent in an earlier batch.
        public var withdrawals: [Withdrawal]
    }

    /// A row that withdraws a record: its kind and key (`record_id`, or `client_id` for clients).
    public struct Withdrawal: Hashable, Sendable {
        public var kind: RecordKind
        public var key: String
        public init(kind: RecordKind, key: String) { self.kind = kind; self.key = key }
    }

    /// Generates the three batches: the treatment extract (known 2016-04-05), the police extract with
    /// late offences (2016-07-06) and a correction batch (2016-08-03).
    ///
    /// - Parameter configuration: how many clients and providers, and the seed.
    /// - Returns: the batches in `known_at` order; each refers only to clients and episodes sent in it
    ///   or before it.
    public static func generate(_ configuration: Configuration) -> [Batch] {
        precondition(configuration.clients >= 0, "clients must not be negative")
        precondition(configuration.providers >= 1, "at least one provider is needed")
        var rng = SplitMix64(seed: configuration.seed)
        var numbers = RecordNumbers()
        var generated = GeneratedRecords(clients: configuration.clients)
        let simulator = ClientSimulator(providers: configuration.providers)
        for number in stride(from: 1, through: configuration.clients, by: 1) {
            simulator.simulate(number: number, numbers: &numbers, rng: &rng, into: &generated)
        }
        let corrections = CorrectionPlanner(generated: generated).plan(&rng)
        let police = generated.policeOffences.map(Record.offence)
        let tag = "seed \(configuration.seed), \(configuration.clients) clients"
        return [
            Batch(name: "01-treatment-2016-04", knownAt: Timeline.treatmentKnownAt,
                  source: "Synthetic treatment extract: clients, assessments, episodes, TOP, events and offences to 2015-06-30 (\(tag))",
                  records: generated.takeTreatmentRecords(), withdrawals: []),
            Batch(name: "02-police-2016-07", knownAt: Timeline.policeKnownAt,
                  source: "Synthetic police extract: proven offences from 2015-07-01 and older ones reported late (\(tag))",
                  records: police, withdrawals: []),
            Batch(name: "03-corrections-2016-08", knownAt: Timeline.correctionsKnownAt,
                  source: "Synthetic corrections: re-sent TOPs, corrected discharges, withdrawn records (\(tag))",
                  records: corrections.records, withdrawals: corrections.withdrawals),
        ]
    }
}
