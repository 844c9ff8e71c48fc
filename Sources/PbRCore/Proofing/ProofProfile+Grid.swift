extension ProofProfile {
    /// The presenting substances proofed, with whether the profile is proofed injecting as well as not.
    /// Injecting is crossed only with substances people inject (opiates, crack, cocaine, amphetamines):
    /// an injecting cannabis-only client would be a profile no provider meets.
    public static let substanceSets: [(substances: [Substance], injectable: Bool)] = [
        ([.opiates, .crack], true),
        ([.opiates], true),
        ([.opiates, .alcohol], true),
        ([.crack], true),
        ([.cocaine], true),
        ([.amphetamines], true),
        ([.cannabis], false),
        ([.alcohol], false),
        ([.alcohol, .cocaine], false),
        ([.alcohol, .cannabis], false),
    ]

    /// Every profile proofed: each substance set, offending or not, injecting or not (where it can be),
    /// with or without a housing problem, in work or not, in each band. 640 profiles, in a fixed order
    /// (the order ties are broken in).
    public static func grid() -> [ProofProfile] {
        var profiles: [ProofProfile] = []
        for (substances, injectable) in substanceSets {
            for offending in [false, true] {
                for injecting in injectable ? [false, true] : [false] {
                    for housingProblem in [false, true] {
                        for inWork in [false, true] {
                            for band in Band.all {
                                profiles.append(ProofProfile(substances: substances, offending: offending, injecting: injecting,
                                                             housingProblem: housingProblem, inWork: inWork, band: band))
                            }
                        }
                    }
                }
            }
        }
        return profiles
    }
}
