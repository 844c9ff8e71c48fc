import PbRCore
import PbRStore

/// `pbr explain --cohort`: a cohort outcome's cohorts as of a day: each cohort's span, its members and
/// what the test found for each, the rate, the baseline and where it comes from, the arithmetic, each
/// provider's share, and every statement line issued for it.
public struct CohortExplanation: Sendable {
    public var contractID: String
    public var outcomeID: OutcomeID
    /// One cohort, by its label (`2012/13 Q1`) or number; nil for every cohort begun by `asOf`.
    public var cohort: String?
    public var asOf: Day
    public var knownAt: Moment?

    public init(contractID: String, outcomeID: OutcomeID, cohort: String? = nil, asOf: Day, knownAt: Moment? = nil) {
        self.contractID = contractID; self.outcomeID = outcomeID; self.cohort = cohort; self.asOf = asOf; self.knownAt = knownAt
    }

    public struct Cohort: Sendable {
        public var result: CohortResult
        /// Every line issued for the cohort, oldest first.
        public var issued: [StatementLine]
    }

    public struct Result: Sendable {
        public var outcome: CohortOutcome
        public var primeProvider: ProviderID?
        public var cohorts: [Cohort]
        public var lastImportID: Int
    }

    /// - Throws: a `Refusal` for an unknown contract, cohort outcome or cohort.
    public func run(on store: JournalStore, progress: (any ProgressDisplay)? = nil) async throws -> Result {
        let (versions, _) = try await ContractRegistry(store: store).versions(of: contractID)
        let contract = versions.inForce(on: asOf)
        guard let outcome = contract.cohortOutcomes.first(where: { $0.id == outcomeID }) else {
            let ids = contract.cohortOutcomes.map(\.id.rawValue)
            throw Refusal("\(contractID) has no cohort outcome '\(outcomeID)'"
                + (ids.isEmpty ? " (it has none)" : "; its cohort outcomes are " + ids.joined(separator: ", ")))
        }
        let periods = contract.cohortPeriods(outcome.grouping)
        if let cohort, !periods.contains(where: { $0.label == cohort || String($0.number) == cohort }) {
            throw Refusal("\(outcomeID) has no cohort '\(cohort)'; its cohorts are "
                + periods.map { "\($0.number) (\($0.label))" }.joined(separator: ", "))
        }
        let imports = try await store.imports()
        let (seen, _) = EntitlementsJob.importsSeen(imports, knownAt: knownAt)
        let lastImport = seen?.id ?? 0
        let histories = try await PinnedJournal.load(store, knownAt: knownAt, lastImport: lastImport, imports: imports, progress: progress)
        let results = CohortOutcomes.evaluate(contract, histories, asOf: asOf).filter { result in
            result.outcome == outcomeID && (cohort.map { result.period.label == $0 || String(result.period.number) == $0 } ?? true)
        }
        let issued = try await store.statementLines(contractID).filter { $0.component == .cohort && $0.outcomeID == outcomeID }
        return Result(outcome: outcome, primeProvider: contract.primeProvider, cohorts: results.map { result in
            Cohort(result: result, issued: issued.filter { $0.part == result.period.number })
        }, lastImportID: lastImport)
    }
}
