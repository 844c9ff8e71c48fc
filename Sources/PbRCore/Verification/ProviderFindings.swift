/// What a sample found at one provider, and what it recovers (docs/outcome-rules.md, "Sampled
/// verification"): the sampled lines not confirmed are reversed in full, and the error rate by value
/// of its sample (the point estimate) is applied to the value of its paid lines that were not
/// sampled, rounded down to the penny, in the provider's favour.
public struct ProviderFindings: Hashable, Sendable {
    public var draw: VerificationSample.ProviderDraw
    public var sampled: Int
    public var sampledValue: Money
    public var notConfirmed: Int
    public var notConfirmedValue: Money
    /// Sampled lines with no finding yet.
    public var open: Int

    public init(_ draw: VerificationSample.ProviderDraw, lines: [VerificationSample.Line]) {
        self.draw = draw
        sampled = lines.count
        sampledValue = lines.reduce(.zero) { $0 + $1.amount }
        let wrong = lines.filter { $0.finding?.isConfirmed == false }
        notConfirmed = wrong.count
        notConfirmedValue = wrong.reduce(.zero) { $0 + $1.amount }
        open = lines.filter { $0.finding == nil }.count
    }

    /// The provider's paid lines that were not sampled: what the error rate is extrapolated to.
    public var unsampledValue: Money { draw.paidValue - sampledValue }

    /// The error rate by count, with its 95% interval.
    public var countInterval: WilsonInterval { WilsonInterval(successes: notConfirmed, trials: sampled) }

    /// The error rate by count and by value, in basis points rounded to the nearest (halves up), for display.
    public var countRateBasisPoints: Int { Self.basisPoints(Int64(notConfirmed), of: Int64(sampled)) }
    public var valueRateBasisPoints: Int { Self.basisPoints(notConfirmedValue.pence, of: sampledValue.pence) }

    /// The value not confirmed × unsampled value ÷ sampled value, rounded down to the penny. Exact:
    /// the product is taken in 128 bits.
    public var recovery: Money {
        guard sampledValue > .zero else { return .zero }
        let product = notConfirmedValue.pence.multipliedFullWidth(by: unsampledValue.pence)
        return Money(pence: sampledValue.pence.dividingFullWidth(product).quotient)
    }

    /// What the sample reverses: the sampled lines not confirmed, in full.
    public var reversed: Money { notConfirmedValue }

    /// The recovery's working, as its statement line's reason: "verification of 2012-11 (seed 7), P01:
    /// 1 of 3 sampled lines not confirmed (33.33%, 95% CI 6.15% to 79.23%); £100.00 of £400.00 by value
    /// (25.00%) × £1,600.00 unsampled = £400.00".
    public func working(period: StatementPeriod, seed: UInt64) -> String {
        "verification of \(period) (seed \(seed)), \(draw.provider): \(notConfirmed) of \(sampled) sampled lines not confirmed ("
            + Percent.text(basisPoints: countRateBasisPoints) + ", 95% CI \(countInterval)); \(notConfirmedValue.sterling) of "
            + "\(sampledValue.sterling) by value (" + Percent.text(basisPoints: valueRateBasisPoints) + ") × "
            + "\(unsampledValue.sterling) unsampled = \(recovery.sterling)"
    }

    static func basisPoints(_ part: Int64, of whole: Int64) -> Int {
        guard whole > 0 else { return 0 }
        return Int((part * 20_000 + whole) / (2 * whole))
    }
}

extension VerificationSample {
    /// Each provider's findings so far, in provider order.
    public var findings: [ProviderFindings] { providers.map { ProviderFindings($0, lines: lines(of: $0.provider)) } }

    /// The sample closed, to be posted by the statements of `period`: each provider's recovery and its
    /// working fixed. Every sampled line must have its finding.
    public func closed(postedIn period: StatementPeriod) -> VerificationSample {
        precondition(lines.allSatisfy { $0.finding != nil }, "a sample is closed once every sampled line has its finding")
        var closed = self
        closed.postedIn = period
        for (index, found) in findings.enumerated() {
            closed.providers[index].recovery = found.recovery
            closed.providers[index].working = found.working(period: self.period, seed: seed)
        }
        return closed
    }
}
