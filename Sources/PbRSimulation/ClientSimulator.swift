import PbRCore

/// Generates everything one synthetic client contributes to the extract: the client row, LASAR
/// assessments, episodes, TOP interviews, offences and events.
struct ClientSimulator {
    let planner: EpisodePlanner
    private let assessors = (1...12).map { RecordNumbers.padded("LASAR-", $0, width: 2) }

    init(providers: Int) {
        planner = EpisodePlanner(providers: (1...providers).map { ProviderID(RecordNumbers.padded("P", $0, width: 2)) })
    }

    private static let sexes = Weighted<Sex>([(.male, 68), (.female, 31), (.other, 1)])

    func simulate(number: Int, numbers: inout RecordNumbers, rng: inout SplitMix64, into out: inout GeneratedRecords) {
        let clientID = ClientID(RecordNumbers.padded("C", number, width: 7))
        // Born 1950..1998, most in the mid 1970s.
        let birthYear = (rng.int(1950...1998) + rng.int(1950...1998) + 1) / 2
        out.clients.append(Client(id: clientID, sex: Self.sexes.draw(&rng), birthYear: birthYear))
        let profile = ClientProfile.draw(&rng)
        let plan = planner.plan(clientID, profile, numbers: &numbers, rng: &rng)
        out.episodes.append(contentsOf: plan.episodes)
        let firstReferral = plan.episodes[0].referralOn!
        let firstStart = plan.episodes.lazy.compactMap(\.startOn).first
        assess(clientID, profile, firstReferral: firstReferral, firstStart: firstStart, deathOn: plan.deathOn,
               numbers: &numbers, rng: &rng, into: &out.assessments)

        var state = TopState(profile, &rng)
        let tops = TopSimulator(profile: profile), events = EventSimulator(profile: profile)
        var hepatitisBOffered = false
        for (index, episode) in plan.episodes.enumerated() {
            guard let start = episode.startOn else { continue }
            let continues = index > 0 && plan.episodes[index - 1].dischargeReason == .transferredNotInCustody
            tops.interviews(for: episode, continuesTreatment: continues, deathOn: plan.deathOn, state: &state,
                            numbers: &numbers, rng: &rng, into: &out.tops)
            var lastDay = min(episode.endOn ?? Timeline.treatmentCutoff, Timeline.treatmentCutoff)
            if let death = plan.deathOn { lastDay = min(lastDay, death.adding(days: -1)) }
            let offer = profile.injects && !hepatitisBOffered && rng.chance(0.4)
            hepatitisBOffered = hepatitisBOffered || offer
            guard start <= lastDay else { continue }
            events.events(for: episode, lastDay: lastDay, offerHepatitisB: offer, numbers: &numbers, rng: &rng,
                          into: &out.events)
        }
        if let death = plan.deathOn {
            out.events.append(Event(recordID: numbers.next(.events), clientID: clientID, on: death, kind: .died))
        }
        OffenceSimulator.offences(clientID, profile, anchor: firstStart ?? firstReferral, deathOn: plan.deathOn,
                                  numbers: &numbers, rng: &rng, treatment: &out.treatmentOffences,
                                  police: &out.policeOffences)
    }

    /// The LASAR assessment before the first referral, and for about 10% a later re-assessment in a
    /// different band. About 2% of clients were never assessed: the engine lists them as exceptions.
    private func assess(_ clientID: ClientID, _ profile: ClientProfile, firstReferral: Day, firstStart: Day?,
                        deathOn: Day?, numbers: inout RecordNumbers, rng: inout SplitMix64, into assessments: inout [Assessment]) {
        guard !rng.chance(0.02) else { return }
        let assessor = assessors[rng.int(0...(assessors.count - 1))]
        assessments.append(Assessment(
            recordID: numbers.next(.assessments), clientID: clientID,
            assessedOn: firstReferral.adding(days: -rng.int(0...14)), band: Band(profile.band)!,
            assessor: assessor, reason: .initial))
        let from = (firstStart ?? firstReferral).adding(days: 60)
        let until = min(Timeline.treatmentCutoff, deathOn ?? Timeline.treatmentCutoff)
        guard rng.chance(0.1), from <= until else { return }
        let band = profile.band == 1 ? 2 : profile.band == 5 ? 4 : profile.band + (rng.chance(0.6) ? 1 : -1)
        assessments.append(Assessment(
            recordID: numbers.next(.assessments), clientID: clientID,
            assessedOn: rng.day(from...until), band: Band(band)!,
            assessor: assessor, reason: .reassessment))
    }
}
