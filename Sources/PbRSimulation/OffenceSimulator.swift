import PbRCore

/// Writes one client's proven offences: some in the year before treatment started, some after it
/// (which reset the no-offending clocks), each proven 1..120 days after it was committed.
struct OffenceSimulator {
    struct Category: Sendable {
        var name: String
        /// On the national trigger list (acquisitive and class A drug offences).
        var trigger: Bool
    }

    private static let categories = Weighted<Category>([
        (Category(name: "shoplifting", trigger: true), 30), (Category(name: "theft", trigger: true), 12),
        (Category(name: "burglary", trigger: true), 8), (Category(name: "robbery", trigger: true), 3),
        (Category(name: "fraud", trigger: true), 5), (Category(name: "possession_class_a", trigger: true), 12),
        (Category(name: "criminal_damage", trigger: false), 10), (Category(name: "assault", trigger: false), 12),
        (Category(name: "public_order", trigger: false), 8),
    ])

    /// - Parameters:
    ///   - anchor: the client's first start (or first referral when they never started).
    ///   - deathOn: no offence is dated on or after it.
    ///   - treatment: offences the treatment extract carries (dated up to 2015-06-30).
    ///   - police: offences that arrive late with the police extract.
    static func offences(_ clientID: ClientID, _ profile: ClientProfile, anchor: Day, deathOn: Day?,
                         numbers: inout RecordNumbers, rng: inout SplitMix64,
                         treatment: inout [Offence], police: inout [Offence]) {
        var dates: [Day] = []
        if profile.offends {
            for _ in 0..<rng.int(1...3) { dates.append(anchor.adding(days: -rng.int(1...365))) }
        }
        let lastDay = min(Timeline.treatmentCutoff, deathOn?.adding(days: -1) ?? Timeline.treatmentCutoff)
        if rng.chance(profile.offends ? 0.45 : 0.06), anchor < lastDay {
            for _ in 0..<rng.int(1...3) { dates.append(rng.day(anchor.adding(days: 1)...lastDay)) }
        }
        for offenceOn in dates {
            let provenOn = offenceOn.adding(days: rng.int(1...120))
            let category = categories.draw(&rng)
            let late = offenceOn > Timeline.treatmentOffencesUntil || rng.chance(0.01)
            // Not yet proven when the police extract was cut: it is not in any batch.
            if late && provenOn > Timeline.policeProvenBy { continue }
            let offence = Offence(recordID: numbers.next(.offences), clientID: clientID, offenceOn: offenceOn,
                                  provenOn: provenOn, trigger: category.trigger, category: category.name)
            if late { police.append(offence) } else { treatment.append(offence) }
        }
    }
}
