import PbRCore
import PbRSimulation
import Testing

@Suite("Synthetic extract: shaped like English drug treatment 2012-2016")
struct SyntheticExtractShapeTests {
    let records = Fixture.treatment
    let clients = Double(Fixture.configuration.clients)

    @Test func thereAreAboutFiveTopsPerClient() {
        let perClient = Double(records.tops.count) / clients
        #expect((4.0...6.0).contains(perClient), "\(perClient) TOPs per client")
    }

    @Test func oneToFivePercentOfClientsHaveNoAssessment() {
        let assessed = Set(records.assessments.map(\.clientID))
        let share = Double(records.clients.count - assessed.count) / clients
        #expect((0.01...0.05).contains(share), "\(share) without an assessment")
    }

    @Test func aboutOneInTenIsReassessedIntoAnotherBand() {
        let byClient = Dictionary(grouping: records.assessments, by: \.clientID)
        var reassessed = 0
        for (_, assessments) in byClient where assessments.count > 1 {
            reassessed += 1
            #expect(assessments.map(\.reason) == [.initial, .reassessment])
            #expect(assessments[0].band != assessments[1].band && assessments[0].assessedOn < assessments[1].assessedOn)
        }
        #expect((0.05...0.15).contains(Double(reassessed) / clients))
    }

    @Test func everyClientHasOneToThreeEpisodesAndAFewNeverStart() {
        let byClient = records.episodesByClient
        #expect(byClient.count == records.clients.count)
        #expect(byClient.values.allSatisfy { (1...3).contains($0.count) })
        let neverStarted = Double(records.episodes.filter { $0.startOn == nil }.count) / Double(records.episodes.count)
        #expect((0.01...0.08).contains(neverStarted))
        let open = records.episodes.filter { $0.startOn != nil && $0.endOn == nil }.count
        #expect((0.08...0.3).contains(Double(open) / Double(records.episodes.count)))
    }

    @Test func transfersContinueAtAnotherProviderWithinThirtyDays() {
        var linked = 0, separate = 0
        for (_, episodes) in records.episodesByClient {
            for (before, after) in zip(episodes, episodes.dropFirst()) where before.dischargeReason == .transferredNotInCustody {
                guard let end = before.endOn, let start = after.startOn else { continue }
                #expect(after.providerID != before.providerID)
                #expect((1...30).contains(end.days(to: start)))
                if end.days(to: start) <= 21 { linked += 1 } else { separate += 1 }
            }
        }
        #expect(linked > 0 && separate > 0, "transfers within the journey gap: \(linked), beyond it: \(separate)")
    }

    @Test func aboutThirtyPercentAreReferredByCriminalJustice() {
        let share = Double(records.episodes.filter { $0.referralSource == .criminalJustice }.count) / Double(records.episodes.count)
        #expect((0.2...0.4).contains(share), "\(share) criminal justice referrals")
    }

    @Test func completionCodesFollowThePresentingSubstances() {
        for episode in records.episodes {
            switch episode.dischargeReason {
            case .completedAlcoholFree: #expect(episode.substances == [.alcohol])
            case .completedOccasionalUser: #expect(!episode.substances.contains(.opiates) && !episode.substances.contains(.crack))
            default: break
            }
        }
        let completed = records.episodes.filter { $0.dischargeReason?.rawValue.hasPrefix("completed_") ?? false }.count
        let discharged = records.episodes.filter { $0.dischargeReason != nil }.count
        #expect((0.35...0.55).contains(Double(completed) / Double(discharged)))
    }

    @Test func aboutAThirdOffendInTheYearBeforeTheirFirstStart() {
        var firstStart: [ClientID: Day] = [:]
        for episode in records.episodes { if let start = episode.startOn, firstStart[episode.clientID] == nil { firstStart[episode.clientID] = start } }
        let offenders = Set(Fixture.original.offences.compactMap { offence -> ClientID? in
            guard let start = firstStart[offence.clientID], offence.offenceOn < start,
                  offence.offenceOn >= start.adding(days: -365) else { return nil }
            return offence.clientID
        })
        #expect((0.25...0.45).contains(Double(offenders.count) / clients), "\(offenders.count) offenders")
    }

    @Test func baselinesShowUseOfThePresentingSubstancesAndReviewsOftenImprove() throws {
        let firstEpisodes = Dictionary(uniqueKeysWithValues: records.episodesByClient.compactMap { client, episodes in
            episodes.first { $0.startOn != nil }.map { (client, $0) }
        })
        var abstinentReview = Set<ClientID>()
        for top in records.tops {
            guard let episode = firstEpisodes[top.clientID], episode.recordID == top.episodeID else { continue }
            let days = episode.substances.map { top.values[$0.topField] }
            if top.stage == .start { #expect(days.allSatisfy { $0.map { $0 >= 1 } ?? true }) }
            if top.stage == .review, days.allSatisfy({ $0 == 0 }) { abstinentReview.insert(top.clientID) }
        }
        #expect(Double(abstinentReview.count) / Double(firstEpisodes.count) > 0.1)
    }

    @Test func aboutTwoPercentOfTopAnswersAreUnknown() {
        let answers = records.tops.count * TopField.allCases.count
        let unknown = records.tops.reduce(0) { sum, top in sum + TopField.allCases.filter { top.values[$0] == nil }.count }
        #expect((0.01...0.03).contains(Double(unknown) / Double(answers)))
    }

    @Test func injectorsGetHepatitisBAndSomeClientsWork() {
        let kinds = Set(records.events.map(\.kind))
        #expect(kinds.isSuperset(of: [.workActivity, .hepbDose, .hepbCourseComplete, .goalAgreed, .goalAchieved,
                                     .drugTestNegative, .drugTestPositive, .died]))
        // An unknown answer (2%) may hide the injecting.
        let injectors = Set(records.tops.filter { $0.stage == .start && ($0.values[.injectedDays] ?? 1) >= 1 }.map(\.clientID))
        #expect(records.events.filter { $0.kind == .hepbCourseComplete }.allSatisfy { injectors.contains($0.clientID) })
    }
}
