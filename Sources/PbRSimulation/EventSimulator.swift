import PbRCore

/// Writes the events of one episode: goals, drug tests, hepatitis B vaccination and work activity.
struct EventSimulator {
    let profile: ClientProfile

    /// - Parameters:
    ///   - lastDay: no event is dated after it (the discharge, the cut-off or the day before death).
    ///   - offerHepatitisB: vaccinate in this episode (injectors, once per client).
    func events(for episode: Episode, lastDay: Day, offerHepatitisB: Bool, numbers: inout RecordNumbers,
                rng: inout SplitMix64, into events: inout [Event]) {
        guard let start = episode.startOn, start <= lastDay else { return }
        func record(_ kind: EventKind, _ day: Day, _ detail: String = "") {
            events.append(Event(recordID: numbers.next(.events), clientID: episode.clientID, on: day, kind: kind,
                                detail: detail))
        }
        if rng.chance(0.6) {
            let agreed = min(lastDay, start.adding(days: rng.int(0...14)))
            record(.goalAgreed, agreed, "care plan")
            if agreed.adding(days: 30) <= lastDay, rng.chance(0.45) {
                record(.goalAchieved, rng.day(agreed.adding(days: 30)...lastDay), "care plan")
            }
        }
        if rng.chance(0.35) {
            for _ in 0..<rng.int(1...4) {
                let negative = rng.chance(profile.responsiveness)
                record(negative ? .drugTestNegative : .drugTestPositive, rng.day(start...lastDay),
                       profile.substances[0].rawValue)
            }
        }
        if offerHepatitisB {
            // The accelerated schedule: days 0, 7 and 21; the course is complete with the third dose.
            let first = start.adding(days: rng.int(0...14))
            for (dose, offset) in [(1, 0), (2, 7), (3, 21)] {
                let day = first.adding(days: offset)
                guard day <= lastDay, dose == 1 || rng.chance(0.85) else { break }
                record(.hepbDose, day, dose == 1 ? "dose 1" : dose == 2 ? "dose 2" : "dose 3")
                if dose == 3 { record(.hepbCourseComplete, day) }
            }
        }
        if rng.chance(0.12) {
            record(.workActivity, rng.day(start...lastDay), rng.chance(0.5) ? "volunteering" : "training")
        }
    }
}
