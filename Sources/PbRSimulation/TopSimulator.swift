import PbRCore

/// Writes the TOP interviews of one episode: a start, reviews about every six months, an exit for
/// most discharges and sometimes a post-exit follow-up.
struct TopSimulator {
    let profile: ClientProfile

    /// - Parameters:
    ///   - continuesTreatment: the episode follows a transfer, so the client's answers carry on.
    ///   - deathOn: no interview is dated on or after it.
    func interviews(for episode: Episode, continuesTreatment: Bool, deathOn: Day?, state: inout TopState,
                    numbers: inout RecordNumbers, rng: inout SplitMix64, into tops: inout [TopReview]) {
        guard let start = episode.startOn else { return }
        func record(_ stage: TopStage, _ day: Day) {
            tops.append(TopReview(recordID: numbers.next(.top), clientID: episode.clientID,
                                  episodeID: episode.recordID, on: day, stage: stage, values: state.values(&rng)))
        }
        if !continuesTreatment { state.present(profile, &rng) }
        record(.start, start)
        // Reviews fall before the discharge day (the exit interview is on it), or up to the cut-off.
        let reviewsBefore = min(episode.endOn ?? Timeline.treatmentCutoff.adding(days: 1),
                                Timeline.treatmentCutoff.adding(days: 1))
        var last = start
        while true {
            let day = last.adding(days: reviewGap(&rng))
            guard day < reviewsBefore else { break }
            state.review(profile, &rng)
            record(.review, day)
            last = day
        }
        guard let end = episode.endOn, let reason = episode.dischargeReason, reason != .died else { return }
        if rng.chance(exitShare(reason)) {
            state.exit(reason, profile, &rng)
            record(.exit, end)
        }
        if rng.chance(0.08) {
            let day = end.adding(days: rng.int(30...180))
            if day <= Timeline.treatmentCutoff, deathOn.map({ day < $0 }) ?? true {
                state.review(profile, &rng)
                record(.postExit, day)
            }
        }
    }

    /// About six months, jittered; a few bunched just past the 28-day minimum or on the same day.
    private func reviewGap(_ rng: inout SplitMix64) -> Int {
        switch rng.int(0...99) {
        case 0: 0
        case 1...4: rng.int(28...35)
        default: rng.int(152...212)
        }
    }

    /// How often a discharge gets an exit interview: nearly always on completion, often not on drop-out.
    private func exitShare(_ reason: DischargeReason) -> Double {
        switch reason {
        case .completedDrugFree, .completedAlcoholFree, .completedOccasionalUser: 0.95
        case .droppedOut: 0.6
        case .transferredNotInCustody, .transferredInCustody: 0.85
        default: 0.8
        }
    }
}
