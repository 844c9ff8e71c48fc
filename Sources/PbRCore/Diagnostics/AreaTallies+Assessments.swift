extension AreaTallies {
    /// Creaming by how fast: each start's wait from the assessment that led to it, and each assessment
    /// made out of treatment that no start followed within the window. An assessment made while the
    /// client was in treatment (a re-assessment of needs) leads to no start and waits for none.
    /// - Parameter episodes: the client's started episodes, in start order.
    mutating func countAssessments(_ history: ClientHistory, _ episodes: [Episode], asOf: Day) {
        let client = history.clientID
        let outOfTreatment = history.assessments.filter { assessment in
            !episodes.contains { $0.startOn! <= assessment.assessedOn && ($0.endOn.map { $0 >= assessment.assessedOn } ?? true) }
        }
        guard !outOfTreatment.isEmpty else { return }
        for (index, episode) in episodes.enumerated() {
            let start = episode.startOn!
            // The latest assessment on or before the start led to it, unless it was made in treatment or an
            // earlier start followed it first (a transfer, or a re-presentation that was not assessed again).
            guard let latest = history.assessments.filter({ $0.assessedOn <= start }).map(\.assessedOn).max(),
                  outOfTreatment.contains(where: { $0.assessedOn == latest }),
                  index == 0 || episodes[index - 1].startOn! < latest else { continue }
            add(.longWaits, episode.providerID, on: start, counted: latest.days(to: start) > Self.longWaitDays, client: client)
        }
        for assessment in outOfTreatment {
            let day = assessment.assessedOn, windowEnd = day.adding(days: Self.startWindowDays)
            guard windowEnd <= asOf else { continue }
            let started = episodes.contains { (day...windowEnd).contains($0.startOn!) }
            add(.assessedNotStarted, nil, on: day, counted: !started, client: client)
            add(.assessedNotStarted, nil, band: assessment.band, on: day, counted: !started, client: client)
        }
    }
}
