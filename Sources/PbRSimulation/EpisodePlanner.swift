import PbRCore

/// One client's episodes in date order, and the day they died if they did.
struct EpisodePlan {
    var episodes: [Episode] = []
    var deathOn: Day?
}

/// Plans one client's episodes: referrals, starts, discharges, transfers and re-presentations.
struct EpisodePlanner {
    let providers: [ProviderID]
    static let maxEpisodes = 3

    // Shares per thousand discharges; `completedDrugFree` stands for "completed", coded per profile.
    private static let reasons = Weighted<DischargeReason>([
        (.completedDrugFree, 450), (.droppedOut, 200), (.transferredNotInCustody, 110),
        (.transferredInCustody, 25), (.retainedInCustody, 35), (.withdrawnByProvider, 40),
        (.declinedTreatment, 30), (.movedAway, 40), (.other, 65), (.died, 5),
    ])

    func plan(_ clientID: ClientID, _ profile: ClientProfile, numbers: inout RecordNumbers,
              rng: inout SplitMix64) -> EpisodePlan {
        let cutoff = Timeline.treatmentCutoff
        var plan = EpisodePlan()
        var referral = rng.day(Timeline.firstReferrals)
        var provider = rng.int(0...(providers.count - 1))
        var source = profile.referralSource(&rng)
        var transferStart: Day?
        while plan.episodes.count < Self.maxEpisodes, referral <= cutoff {
            var episode = Episode(
                recordID: numbers.next(.episodes), clientID: clientID, providerID: providers[provider],
                referralOn: referral, startOn: nil, substances: profile.substances, referralSource: source)
            let start = transferStart ?? (rng.chance(0.03) ? nil : referral.adding(days: rng.int(0...30)))
            transferStart = nil
            guard let start, start <= cutoff else {
                plan.episodes.append(episode)
                // A referral that never started; some clients are referred again a few months later.
                guard start == nil, rng.chance(0.7) else { break }
                referral = referral.adding(days: rng.int(30...180))
                provider = rng.int(0...(providers.count - 1))
                source = profile.referralSource(&rng)
                continue
            }
            episode.startOn = start
            // 60..540 days; opiate substitution treatment runs longer than the rest.
            let spread = rng.int(0...480)
            let end = start.adding(days: 60 + (profile.group == .opiates ? max(spread, rng.int(0...480)) : spread))
            let drawn = Self.reasons.draw(&rng)
            if end > cutoff || (start >= Timeline.openByChanceFrom && rng.chance(0.02)) {
                plan.episodes.append(episode)
                break
            }
            let reason = drawn == .completedDrugFree ? profile.completionReason(&rng) : drawn
            episode.endOn = end
            episode.dischargeReason = reason
            plan.episodes.append(episode)
            if reason == .died {
                plan.deathOn = end
                break
            }
            if reason == .transferredNotInCustody {
                // Picked up elsewhere 1..30 days later: within 21 days the journey goes on, beyond it a new one starts.
                provider = otherProvider(than: provider, &rng)
                referral = end
                transferStart = end.adding(days: rng.int(1...30))
                source = .other
                continue
            }
            guard let gap = representationGap(after: reason, &rng) else {
                if rng.chance(0.006) {
                    let death = end.adding(days: rng.int(1...365))
                    if death <= cutoff { plan.deathOn = death }
                }
                break
            }
            referral = end.adding(days: gap)
            provider = rng.int(0...(providers.count - 1))
            source = profile.referralSource(&rng)
        }
        return plan
    }

    /// Days until the client is referred again, or `nil` when they do not come back.
    private func representationGap(after reason: DischargeReason, _ rng: inout SplitMix64) -> Int? {
        switch reason {
        case .completedDrugFree, .completedAlcoholFree, .completedOccasionalUser:
            rng.chance(0.45) ? rng.int(61...730) : nil
        case .transferredInCustody, .retainedInCustody:
            rng.chance(0.6) ? rng.int(90...540) : nil
        default:
            rng.chance(0.8) ? rng.int(30...300) : nil
        }
    }

    private func otherProvider(than current: Int, _ rng: inout SplitMix64) -> Int {
        guard providers.count > 1 else { return current }
        return (current + rng.int(1...(providers.count - 1))) % providers.count
    }
}
