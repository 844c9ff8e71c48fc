extension VerificationSample {
    /// Draws a period's sample: each provider's status from its earlier closed samples sets its rate,
    /// then `SampleDraw` takes the lines.
    /// - Parameters:
    ///   - lines: the lines of the period's statements (the paid ones are picked out here).
    ///   - earlier: the contract's samples; only closed ones of earlier periods count towards a status.
    /// - Returns: nil when the period paid no outcome line: there is nothing to sample.
    public static func draw(contractID: String, period: StatementPeriod, seed: UInt64, rateBasisPoints: Int,
                            lines: [StatementLine], earlier: [VerificationSample]) -> VerificationSample? {
        let paid = SampleDraw.paidLines(lines, in: period)
        guard !paid.isEmpty else { return nil }
        var past: [ProviderID: (sampled: Int, notConfirmed: Int)] = [:]
        for sample in earlier where sample.isClosed && sample.period < period {
            for line in sample.lines {
                past[line.provider, default: (0, 0)].sampled += 1
                if line.finding?.isConfirmed == false { past[line.provider, default: (0, 0)].notConfirmed += 1 }
            }
        }
        let byProvider = Dictionary(grouping: paid, by: SampleDraw.provider(of:))
        let providers = byProvider.keys.sorted().map { provider in
            let history = past[provider] ?? (0, 0)
            let status = RiskStatus(notConfirmed: history.notConfirmed, sampled: history.sampled)
            let own = byProvider[provider]!
            return ProviderDraw(provider: provider, payee: own[0].providerID, status: status, pastSampled: history.sampled,
                                pastNotConfirmed: history.notConfirmed, rateBasisPoints: status.rate(statedBasisPoints: rateBasisPoints),
                                paidLines: own.count, paidValue: own.reduce(.zero) { $0 + $1.amount })
        }
        let rates = Dictionary(uniqueKeysWithValues: providers.map { ($0.provider, $0.rateBasisPoints) })
        let strata = SampleDraw.draw(paid, seed: seed, rate: { rates[$0]! })
        let sampled = strata.flatMap(\.sampled).sorted { SampleDraw.precedes($0.reference, $1.reference) }.map(Line.init)
        return VerificationSample(contractID: contractID, period: period, seed: seed, rateBasisPoints: rateBasisPoints,
                                  providers: providers, lines: sampled)
    }
}
