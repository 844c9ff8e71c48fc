/// Framework proofing: each profile's client who reaches everything, run through the real engine, one
/// client a run (so that a contract-wide cap is not shared between profiles). A pure function of the
/// contract, the profiles, the rates and the journeys' start.
public struct ProofRun: Sendable {
    /// The contract as it pays (exclusive groups, caps), without the peers it is paid once with: a
    /// contract is proofed alone.
    public let versions: ContractVersions
    /// The same without exclusive groups and caps: what each outcome pays on its own.
    let standalone: ContractVersions
    public let start: Day

    /// - Parameter start: the day every synthetic journey starts (default: the contract's start).
    public init(versions: ContractVersions, journeysStartOn start: Day? = nil) {
        let alone = versions.versions.map { version in
            var version = version
            version.peers = []
            version.paidOnceWith = []
            return version
        }
        self.versions = ContractVersions(alone)
        self.standalone = ContractVersions(alone.map { version in
            var version = version
            version.exclusiveGroups = []
            version.caps = []
            return version
        })
        self.start = start ?? versions.first.start
    }

    /// The day the runs are made as of: after every window of every profile has closed.
    public var asOf: Day {
        let latest = versions.versions.map(\.outcomesUntil).max()!
        let probe = ProofProfile(substances: [.alcohol], offending: true, injecting: true, housingProblem: true, inWork: true,
                                 band: Band.all[0])
        return ProofClient(profile: probe, contract: versions.inForce(on: start), start: start).settledOn(outcomesUntil: latest)
    }

    /// Every profile's earnings, paid least first, ranked 1, 2, ...
    /// - Parameter order: `most` ranks by the most a provider can earn (the contract's own verdict, ties
    ///   broken by the expected earning); `expected` by the expected earning (ties: the most). Equal
    ///   on both: the profiles' order.
    /// - Throws: `ProofError` when the rates give no chance for an outcome the contract pays a profile, or
    ///   a group's rates add up to more than 100%.
    public func evaluate(_ profiles: [ProofProfile], rates: ProofRates, rankBy order: RankOrder = .most)
        throws(ProofError) -> [ProfileEarning] {
        let day = asOf
        var earnings: [ProfileEarning] = []
        for profile in profiles { earnings.append(try earning(profile, rates: rates, asOf: day)) }
        let keyed = earnings.enumerated().map { index, earning in
            (key: order == .expected ? (earning.expected, earning.most) : (earning.most, earning.expected), index: index, earning: earning)
        }
        return keyed.sorted { a, b in a.key != b.key ? a.key < b.key : a.index < b.index }
            .enumerated().map { rank, row in
                var earning = row.earning
                earning.rank = rank + 1
                return earning
            }
    }

    public enum RankOrder: String, Sendable, CaseIterable { case expected, most }

    func earning(_ profile: ProofProfile, rates: ProofRates, asOf: Day) throws(ProofError) -> ProfileEarning {
        let contract = versions.inForce(on: start)
        let history = ProofClient(profile: profile, contract: contract, start: start).history(ClientID("proof"))
        let paid = versions.evaluate([history], asOf: asOf).lines
        let alone = standalone.evaluate([history], asOf: asOf).lines
        assert(paid.allSatisfy { $0.status != .pending } && alone.allSatisfy { $0.status != .pending },
               "the runs are made after every window has closed")
        let most = paid.reduce(Money.zero) { $0 + $1.amount }
        var outcomes: [ProfileEarning.Outcome] = []
        var exact: Int64 = 0  // pence × basis points
        for rule in contract.outcomes {
            let price = alone.filter { $0.outcomeID == rule.id }.reduce(Money.zero) { $0 + $1.amount }
            guard price > .zero else { continue }
            guard let rate = rates.basisPoints(rule.id, for: profile) else {
                throw .noRate(outcome: rule.id, profile: profile.label)
            }
            let paidAtMost = paid.filter { $0.outcomeID == rule.id }.reduce(Money.zero) { $0 + $1.amount }
            outcomes.append(.init(id: rule.id, price: price, paidAtMost: paidAtMost, rateBasisPoints: rate))
            exact += price.pence * Int64(rate)
        }
        for group in contract.exclusiveGroups {
            let sum = outcomes.filter { group.outcomes.contains($0.id) }.reduce(0) { $0 + $1.rateBasisPoints }
            if sum > 10_000 { throw .groupOverCertain(group: group.id, basisPoints: sum, profile: profile.label) }
        }
        // Rounded down once, at the end; a per-client cap can hold the most below the sum of the prices.
        let expected = min(Money(pence: exact / 10_000), most)
        return ProfileEarning(profile: profile, most: most, expected: expected, outcomes: outcomes, rank: 0)
    }
}
