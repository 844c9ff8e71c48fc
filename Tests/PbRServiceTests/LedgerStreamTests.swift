import Foundation
import PbRCore
import PbRImport
import PbRService
import PbRSimulation
import PbRStore
import PbRTestSupport
import Testing

/// A stream of extracts with late data and corrections (the synthetic generator's three: treatment,
/// police data three months late, a correction batch), issued month by month as they arrive, with a
/// verification sample of a month closed midway: the issued lines sum, key by key, to the latest run
/// exactly, but for the keys found wrong, which stay at zero; every adjustment names a cause.
@Suite("A ledger over a stream of extracts")
struct LedgerStreamTests {
    @Test func monthlyStatementsOverLateDataSumKeyByKeyToTheLatestRun() async throws {
        let folder = try Fixtures.temporaryFolder()
        let ledger = try await LedgerFixture.make()
        // Each batch arrives, then every month up to the one before the next batch's is issued.
        let batches = SyntheticExtract.generate(.init(clients: 400, providers: 4, seed: 11))
        for (batch, through) in zip(batches, ["2016-04", "2016-07", "2018-06"]) {
            let extract = folder.appendingPathComponent(batch.name)
            try ExtractWriter.write(to: extract, knownAt: batch.knownAt, source: batch.source, records: batch.records,
                                    withdrawals: batch.withdrawals.map { ($0.kind, $0.key) })
            _ = try await ImportJob(folder: extract.path, importedBy: "test").run(into: ledger.store)
            try await ledger.issue(through: through)
            if through == "2016-04" { try await verifyASample(of: "2015-06", ledger.store) }
        }
        let lines = try await ledger.store.statementLines("national-pilot")
        let periods = try await ledger.store.issuedPeriods("national-pilot")
        let run = try await EntitlementsJob.stored("national-pilot", in: ledger.store, asOf: day("2018-06-30"), knownAt: nil)
            .run(on: ledger.store, command: "test")
        let verified = try await StatementVerify(contractID: "national-pilot").run(on: ledger.store)
        let read = try await ledger.store.issuedLedger("national-pilot").all.sorted { $0.key < $1.key }
        let samples = try await ledger.store.verificationSamples("national-pilot")
        try await ledger.store.close()

        #expect(periods.count == 75)
        var issued: [LedgerKey: Money] = [:]
        for line in lines { if let key = line.key { issued[key, default: .zero] += line.amount } }
        var owed: [LedgerKey: Money] = [:]
        for line in run.report.lines where line.status != .pending && line.dueOn <= day("2018-06-30") {
            owed[OutcomeLineDraft.Owed(line).key] = line.amount
        }
        let wrong = samples.flatMap(\.lines).filter { $0.finding?.isConfirmed == false }.map(\.key)
        #expect(!wrong.isEmpty)
        for key in wrong { owed[key] = .zero }
        #expect(issued.filter { $0.value != .zero } == owed.filter { $0.value != .zero })
        let verification = lines.filter { $0.component == .verification }
        #expect(verification.contains { $0.clientID != nil } && verification.contains { $0.clientID == nil }, "reversals and recoveries")
        #expect(verification.allSatisfy { $0.period == StatementPeriod("2016-05") && $0.amount < .zero })
        #expect(verification.filter { $0.clientID == nil }.count == samples[0].providers.filter { $0.recovery > .zero }.count)
        let adjustments = lines.filter { $0.kind == .adjustment }
        #expect(adjustments.count >= 10, "late data and corrections adjust lines issued before")
        // An extrapolated recovery corrects no one line, so it is the one adjustment that refers to none.
        let recovery = { (line: StatementLine) in line.component == .verification && line.clientID == nil }
        #expect(adjustments.allSatisfy { !$0.reason.isEmpty && ($0.refersTo.isEmpty == recovery($0)) })
        #expect(verified.problems.isEmpty)
        // The store's lean read of the ledger holds what the lines themselves add up to, references and all.
        let rebuilt = IssuedLedger(lines).all.sorted { $0.key < $1.key }
        #expect(read.map(\.key) == rebuilt.map(\.key))
        #expect(read.map(\.settled) == rebuilt.map(\.settled))
        #expect(read.contains { $0.settled.lines.count > 1 }, "some keys were adjusted, so hold more than one line")
    }

    /// Samples a month at 10% and finds every third sampled line not confirmed, then closes the sample:
    /// the next month issued reverses them and recovers the extrapolated error.
    func verifyASample(of period: String, _ store: JournalStore) async throws {
        let verification = SampledVerification(store: store, clock: LedgerFixture.clock)
        let month = StatementPeriod(period)!
        let (sample, _) = try await verification.sample(contractID: "national-pilot", period: month, rateBasisPoints: 1_000, seed: 11, by: "test")
        for (index, line) in sample.lines.enumerated() {
            _ = try await verification.record(contractID: "national-pilot", period: month, line: line.reference.description,
                                              finding: index % 3 == 0 ? .notConfirmed(reason: "no evidence") : .confirmed, by: "test")
        }
        _ = try await verification.close(contractID: "national-pilot", period: month, by: "test")
    }
}
