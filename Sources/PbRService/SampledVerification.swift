import PbRCore
import PbRStore

/// `pbr verify`: sampled verification of the lines paid in a period (docs/outcome-rules.md, "Sampled
/// verification"). A sample is drawn once per period, reproducibly from its seed; the verifier records
/// each sampled line as confirmed or not, with a reason; closing the sample fixes what it recovers, and
/// the next statement issued posts it. Nothing issued is edited.
public struct SampledVerification: Sendable {
    public let store: JournalStore
    public let clock: WallClock

    public init(store: JournalStore, clock: WallClock = .system) { self.store = store; self.clock = clock }

    /// Draws the sample of `period`, or gives back the one drawn before with the same rate and seed.
    /// - Returns: the sample, and whether it was drawn now.
    /// - Throws: a `Refusal` for an unknown contract, a period not issued, a rate of 0%, a period with
    ///   no outcome line paid, or one sampled already with another rate or seed.
    public func sample(contractID: String, period: StatementPeriod, rateBasisPoints: Int, seed: UInt64,
                       by: String) async throws -> (sample: VerificationSample, drawnNow: Bool) {
        _ = try await ContractRegistry(store: store).versions(of: contractID)
        guard rateBasisPoints > 0 else { throw Refusal("a sample needs a rate above 0% (--rate)") }
        guard try await store.issuedPeriods(contractID).contains(where: { $0.period == period }) else {
            throw Refusal("\(contractID)'s \(period) is not issued: only the lines of issued statements are sampled")
        }
        let samples = try await store.verificationSamples(contractID)
        if let drawn = samples.first(where: { $0.period == period }) {
            guard drawn.seed == seed, drawn.rateBasisPoints == rateBasisPoints else {
                throw Refusal("\(contractID)'s \(period) was sampled already, with seed \(drawn.seed) at "
                    + Percent.text(basisPoints: drawn.rateBasisPoints) + ": a period is sampled once")
            }
            return (drawn, false)
        }
        let lines = try await store.statementLines(contractID, period: period)
        guard let sample = VerificationSample.draw(contractID: contractID, period: period, seed: seed, rateBasisPoints: rateBasisPoints,
                                                   lines: lines, earlier: samples) else {
            throw Refusal("\(contractID)'s \(period) paid no outcome line: there is nothing to sample")
        }
        try await store.recordDraw(sample, by: by, at: clock.timestamp)
        return (sample, true)
    }

    /// Records what the verifier found for a sampled line of an open sample.
    /// - Parameter line: `STATEMENT_ID:LINE`.
    public func record(contractID: String, period: StatementPeriod, line text: String, finding: VerificationSample.Finding,
                       by: String) async throws -> VerificationSample.Line {
        let sample = try await drawn(contractID, period)
        guard let reference = LineReference(parsing: text) else {
            throw Refusal("'\(text)' is not a line: write STATEMENT_ID:LINE, e.g. \(contractID)/\(period)/P01:1")
        }
        guard var line = sample.lines.first(where: { $0.reference == reference }) else {
            throw Refusal("\(text) is not in \(contractID)'s sample of \(period): `pbr verify sample` lists its lines")
        }
        if case .notConfirmed(let reason) = finding, reason.isEmpty { throw Refusal("a line not confirmed needs a reason") }
        guard !sample.isClosed else { throw Refusal("\(contractID)'s sample of \(period) is closed: its findings stand") }
        try await store.recordFinding(finding, of: reference, contractID: contractID, period: period, by: by, at: clock.timestamp)
        line.finding = finding
        return line
    }

    /// The sample of `period` with its findings so far (`VerificationSample.findings` gives the figures).
    public func report(contractID: String, period: StatementPeriod) async throws -> VerificationSample {
        try await drawn(contractID, period)
    }

    /// Closes the sample of `period` once every sampled line has its finding: each provider's recovery
    /// is fixed, and the contract's next period to issue posts it.
    public func close(contractID: String, period: StatementPeriod, by: String) async throws -> VerificationSample {
        let sample = try await drawn(contractID, period)
        guard !sample.isClosed else { throw Refusal("\(contractID)'s sample of \(period) is closed already (posted in \(sample.postedIn!))") }
        let open = sample.lines.filter { $0.finding == nil }
        guard open.isEmpty else {
            throw Refusal("\(open.count.counted("sampled line")) of \(period) \(open.count == 1 ? "has" : "have") no finding yet: "
                + open.prefix(3).map(\.reference.description).joined(separator: ", ") + (open.count > 3 ? ", ..." : ""))
        }
        guard let last = try await store.issuedPeriods(contractID).last else { throw Refusal("\(contractID) has no statements") }
        let closed = sample.closed(postedIn: last.period.next)
        try await store.recordClose(closed, by: by, at: clock.timestamp)
        return closed
    }

    private func drawn(_ contractID: String, _ period: StatementPeriod) async throws -> VerificationSample {
        _ = try await ContractRegistry(store: store).versions(of: contractID)
        guard let sample = try await store.verificationSamples(contractID).first(where: { $0.period == period }) else {
            throw Refusal("\(contractID)'s \(period) has no verification sample: `pbr verify sample` draws one")
        }
        return sample
    }
}
