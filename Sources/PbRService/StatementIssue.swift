import PbRCore
import PbRStore

/// `pbr statement issue`: a contract's statements for a period, or for every period up to one, each
/// run as of the month's last day on the data it pins, and stored in one transaction per period.
public struct StatementIssue: Sendable {
    public var contractID: String
    /// The period to issue, or with `catchingUp` the last of the periods to issue.
    public var period: StatementPeriod
    /// Issue every period not yet issued up to `period` (else `period` must be the next one due).
    public var catchingUp: Bool
    /// See only data known at or before this moment; nil for everything imported.
    public var knownAt: Moment?
    public var issuedBy: String
    public var clock: WallClock
    public var progress: (any ProgressDisplay)?

    public init(contractID: String, period: StatementPeriod, catchingUp: Bool = false, knownAt: Moment? = nil,
                issuedBy: String, clock: WallClock = .system, progress: (any ProgressDisplay)? = nil) {
        self.contractID = contractID; self.period = period; self.catchingUp = catchingUp; self.knownAt = knownAt
        self.issuedBy = issuedBy; self.clock = clock; self.progress = progress
    }

    public struct IssuedStatements: Sendable {
        public var period: IssuedPeriod
        public var statements: [StoredStatement]
        public var lines: [StatementLine]
    }

    public struct Result: Sendable {
        /// Each period issued now, in order; empty when every period asked for was issued before.
        public var issued: [IssuedStatements]
        /// What a person should know: the run saw no import, or a cut-off older than an earlier statement's.
        public var warnings: [String]
    }

    /// - Throws: a `Refusal` for an unknown contract, a period before the contract's first month, out of
    ///   order or not yet ended, or a block with no payee; nothing is written then. `StoreError.conflict`
    ///   when another issue of the same contract got there first.
    /// - Parameter lap: called after each step (`load`, `ledger`, `evaluate`, `statements`, `record`) with its
    ///   name, for timings.
    public func run(on store: JournalStore, lap: (String) -> Void = { _ in }) async throws -> Result {
        let (versions, stored) = try await ContractRegistry(store: store).versions(of: contractID)
        let first = StatementPeriod(containing: versions.first.start)
        guard period >= first else {
            throw Refusal("\(period) is before \(contractID)'s first month, \(first) (the contract starts on \(versions.first.start))")
        }
        let done = try await store.issuedPeriods(contractID)
        let next = done.last.map(\.period.next) ?? first
        if done.contains(where: { $0.period == period }) || (catchingUp && period < next) { return Result(issued: [], warnings: []) }
        guard catchingUp || period == next else {
            throw Refusal("\(period) is out of order: \(contractID)'s next period to issue is \(next)"
                + (done.last.map { " (issued up to \($0.period))" } ?? " (none issued yet)")
                + "; `--through \(period)` issues every period up to it")
        }
        let today = clock.today
        guard period.lastDay < today else {
            throw Refusal("\(period) has not ended yet (today is \(today)): a month is issued once its last day has passed")
        }
        let imports = try await store.imports()
        let (seen, warnings) = EntitlementsJob.importsSeen(imports, knownAt: knownAt)
        let lastImport = seen?.id ?? 0
        let histories = try await PinnedJournal.load(store, knownAt: knownAt, lastImport: lastImport, imports: imports, progress: progress)
        lap("load")

        var state = LedgerState(statements: try await store.statements(contractID), issued: try await store.issuedLedger(contractID),
                                disputes: try await store.disputes(contractID),
                                verifications: try await store.verificationSamples(contractID))
        lap("ledger")
        var result = Result(issued: [], warnings: warnings)
        if let previous = done.last, lastImport < previous.lastImportID {
            // Allowed (a commissioner may issue on what was known then), but earlier lines may be clawed back.
            result.warnings.append("this issue sees the data to import #\(lastImport), older than the #\(previous.lastImportID) that "
                + "\(previous.period) saw: lines issued on the newer data may be adjusted back")
        }
        var current = next
        let issuing = progress?.start("Issuing statements", total: next.months(to: period) + 1, unit: "months")
        while current <= period {
            let run = versions.evaluate(histories, asOf: current.lastDay)
            lap("evaluate")
            let draft: [PeriodStatements.Issued]
            do { draft = try state.draft(current, versions: versions, run: run.lines, histories: histories) } catch {
                throw Refusal(error.description)
            }
            let pins = Dictionary((done + result.issued.map(\.period)).map { ($0.period, $0.lastImportID) },
                                  uniquingKeysWith: { a, _ in a })
            let notes = try await DataChanges.notes(for: LedgerState.adjustments(draft, issued: state.issued), pins: pins,
                                                    current: JournalSnapshot(knownAt: knownAt, lastImportID: lastImport),
                                                    imports: imports, store: store)
            let computed = state.commit(draft, period: current, notes: notes)
            lap("statements")
            let inForce = stored.prefix(versions.number(inForceOn: current.lastDay))
            let pinned = IssuedPeriod(
                contractID: contractID, period: current, contractVersion: inForce.count, knownAt: knownAt, lastImportID: lastImport,
                issuedAt: clock.timestamp, issuedBy: issuedBy,
                inputsDigest: StatementDigest.inputs(contractID: contractID, versions: Array(inForce), period: current, knownAt: knownAt,
                                                     lastImport: seen.map { ($0.id, $0.digest) }),
                capHeadroom: CapHeadroom.of(versions.inForce(on: current.lastDay), run: run.lines, on: current.lastDay).map(\.description))
            try await store.record(pinned, after: result.issued.last?.period.period ?? done.last?.period,
                                   statements: computed.statements, lines: computed.lines)
            lap("record")
            result.issued.append(IssuedStatements(period: pinned, statements: computed.statements, lines: computed.lines))
            issuing?.advance(by: 1)
            current = current.next
        }
        issuing?.finish()
        return result
    }
}
