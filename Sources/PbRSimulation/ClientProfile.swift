import PbRCore

/// What stays true of one synthetic client across episodes: what they use, their risks and how
/// likely they are to get better at each review.
struct ClientProfile {
    enum Group: Sendable { case opiates, alcohol, cannabis, cocaine, amphetamines }

    var group: Group
    /// Presenting substances, the primary first (up to three).
    var substances: [Substance]
    var injects: Bool
    /// Has proven offences in the year before the first start.
    var offends: Bool
    var band: Int
    var employed: Bool
    var acuteHousing: Bool
    var evictionRisk: Bool
    /// Chance, at each review, that the client's answers improve.
    var responsiveness: Double

    // Roughly the NDTMS mix of the period: opiate clients are about half of those in treatment.
    private static let groups = Weighted<Group>([
        (.opiates, 48), (.alcohol, 28), (.cannabis, 12), (.cocaine, 8), (.amphetamines, 4),
    ])
    private static let bands = Weighted<Int>([(1, 10), (2, 22), (3, 36), (4, 22), (5, 10)])

    static func draw(_ rng: inout SplitMix64) -> ClientProfile {
        let group = groups.draw(&rng)
        let substances = presenting(group, &rng)
        let injects: Bool
        switch group {
        case .opiates: injects = rng.chance(0.4)
        case .amphetamines: injects = rng.chance(0.15)
        case .cocaine: injects = rng.chance(0.03)
        case .alcohol, .cannabis: injects = false
        }
        let offends = rng.chance(group == .alcohol ? 0.18 : 0.42)
        var band = bands.draw(&rng)
        // Injecting and offending make a client more complex; alcohol-only clients are usually less.
        if (injects || offends) && rng.chance(0.4) { band = min(5, band + 1) }
        if group == .alcohol && rng.chance(0.3) { band = max(1, band - 1) }
        return ClientProfile(
            group: group, substances: substances, injects: injects, offends: offends, band: band,
            employed: rng.chance(group == .alcohol ? 0.35 : 0.1),
            acuteHousing: rng.chance(group == .opiates ? 0.28 : 0.1),
            evictionRisk: rng.chance(0.1),
            responsiveness: rng.double(0.15..<0.75)
        )
    }

    private static func presenting(_ group: Group, _ rng: inout SplitMix64) -> [Substance] {
        switch group {
        case .opiates:
            var list: [Substance] = [.opiates]
            if rng.chance(0.6) { list.append(.crack) }
            if rng.chance(0.25) { list.append(rng.chance(0.5) ? .alcohol : (rng.chance(0.7) ? .cannabis : .other)) }
            return list
        case .alcohol: return [.alcohol]
        case .cannabis: return rng.chance(0.3) ? [.cannabis, .alcohol] : [.cannabis]
        case .cocaine:
            var list: [Substance] = [.cocaine]
            if rng.chance(0.5) { list.append(.alcohol) }
            if rng.chance(0.2) { list.append(.cannabis) }
            return list
        case .amphetamines: return rng.chance(0.3) ? [.amphetamines, .cannabis] : [.amphetamines]
        }
    }

    /// The completion code a provider would record: occasional use counts only without opiates or crack.
    func completionReason(_ rng: inout SplitMix64) -> DischargeReason {
        switch group {
        case .opiates: .completedDrugFree
        case .alcohol: .completedAlcoholFree
        case .cannabis, .cocaine: rng.chance(0.5) ? .completedOccasionalUser : .completedDrugFree
        case .amphetamines: rng.chance(0.3) ? .completedOccasionalUser : .completedDrugFree
        }
    }

    private static let offenderSources = Weighted<ReferralSource>([
        (.criminalJustice, 65), (.selfReferral, 15), (.gp, 6), (.health, 5), (.socialCare, 4), (.other, 5),
    ])
    private static let otherSources = Weighted<ReferralSource>([
        (.criminalJustice, 12), (.selfReferral, 36), (.gp, 22), (.health, 14), (.socialCare, 8), (.other, 8),
    ])

    /// A referral source; offenders mostly come through criminal justice (about 30% overall).
    func referralSource(_ rng: inout SplitMix64) -> ReferralSource {
        (offends ? Self.offenderSources : Self.otherSources).draw(&rng)
    }
}
