import PbRCore
import PbRTestSupport
import Testing

/// An assessment checked against the client's earlier ones, the waiting times and the flag of clients
/// assessed twice before treatment, on small hand-made histories.
@Suite("Independent assessment")
struct AssessmentTests {
    /// 0-2: band 1, 3-5: band 2, 6+: band 3.
    static let rules = BandingRules(factors: [.init(id: "opiates", points: 3), .init(id: "injecting", points: 3), .init(id: "housing", points: 1)],
                                    ranges: [.init(band: Band(1)!, from: 0, through: 2), .init(band: Band(2)!, from: 3, through: 5),
                                             .init(band: Band(3)!, from: 6, through: nil)])

    @Test func aRecordedBandThatDisagreesIsFlaggedAndKeptAsRecorded() throws {
        let draft = AssessmentDraft(clientID: ClientID("C1"), assessedOn: day("2013-01-10"), factors: ["opiates", "injecting"],
                                    recordedBand: Band(1)!, referredTo: ProviderID("P01"), reason: .initial)
        let scored = try draft.scored(by: Self.rules, earlier: [], today: day("2013-01-10"))
        #expect(scored.score == 6 && scored.computedBand == Band(3)! && scored.disagrees)
        #expect(scored.record(id: RecordID("web-9"), assessor: "ann").band == Band(1)!, "the journal keeps the band as recorded")
    }

    @Test func aReassessmentNeedsAWhyAndAnEarlierAssessment() throws {
        let earlier = [Assessment(recordID: RecordID("1"), clientID: ClientID("C1"), assessedOn: day("2013-01-10"), band: Band(2)!)]
        var draft = AssessmentDraft(clientID: ClientID("C1"), assessedOn: day("2013-03-01"), factors: ["housing"], recordedBand: Band(1)!,
                                    referredTo: nil, reason: .reassessment, why: "  ")
        #expect(throws: AssessmentDraft.Refusal.reassessmentWithoutWhy) { try draft.scored(by: Self.rules, earlier: earlier, today: day("2013-03-01")) }
        #expect(throws: AssessmentDraft.Refusal.notAssessedBefore) { try draft.scored(by: Self.rules, earlier: [], today: day("2013-03-01")) }
        draft.why = "housed"
        #expect(try draft.scored(by: Self.rules, earlier: earlier, today: day("2013-03-01")).computedBand == Band(1)!)
        draft.reason = .initial
        #expect(throws: AssessmentDraft.Refusal.alreadyAssessed(day("2013-01-10"))) {
            try draft.scored(by: Self.rules, earlier: earlier, today: day("2013-03-01"))
        }
        draft.reason = .reassessment
        draft.assessedOn = day("2013-01-09")
        #expect(throws: AssessmentDraft.Refusal.beforeLatest(day("2013-01-10"))) {
            try draft.scored(by: Self.rules, earlier: earlier, today: day("2013-03-01"))
        }
    }

    /// P01 band 2: waits to assessment 1, 3, 10 days; assessment to start 4, 2, 20; referral to start 5, 5, 30.
    /// Nearest rank of three: the median is the 2nd, the 90th percentile the 3rd.
    @Test func waitingTimesByProviderAndBand() {
        var clients: [ClientBuilder] = []
        for (index, (referral, assessed, start)) in [("2013-01-01", "2013-01-02", "2013-01-06"), ("2013-02-01", "2013-02-04", "2013-02-06"),
                                                     ("2013-03-01", "2013-03-11", "2013-03-31")].enumerated() {
            var client = ClientBuilder("C\(index)")
            client.assess(assessed, band: 2)
            client.history.episodes.append(Episode(recordID: RecordID("e\(index)"), clientID: client.history.clientID, providerID: ProviderID("P01"),
                                                   referralOn: day(referral), startOn: day(start)))
            clients.append(client)
        }
        var waiting = ClientBuilder("W")  // referred to P02, assessed, not started
        waiting.assess("2013-04-10", band: 4)
        waiting.history.episodes.append(Episode(recordID: RecordID("w"), clientID: ClientID("W"), providerID: ProviderID("P02"),
                                                referralOn: day("2013-04-01"), startOn: nil))
        let times = WaitingTimes((clients + [waiting]).map(\.history))
        #expect(times.rows.count == 2)
        let p01 = times.rows[0]
        #expect(p01.providerID == ProviderID("P01") && p01.band == Band(2)! && p01.referred == 3 && p01.started == 3)
        #expect(p01.referralToAssessment == WaitingTimes.Spread([1, 3, 10]))
        #expect(p01.referralToAssessment.median == 3 && p01.referralToAssessment.p90 == 10)
        #expect(p01.assessmentToStart.median == 4 && p01.assessmentToStart.p90 == 20)
        #expect(p01.referralToStart.median == 5 && p01.referralToStart.p90 == 30)
        let p02 = times.rows[1]
        #expect(p02.band == Band(4)! && p02.started == 0 && p02.referralToAssessment.median == 9 && p02.assessmentToStart.count == 0)
        // Ten waits 1..10: the median is the 5th (5), the 90th percentile the 9th (9).
        #expect(WaitingTimes.Spread(Array(1...10)).median == 5 && WaitingTimes.Spread(Array(1...10)).p90 == 9)
    }

    @Test func aClientAssessedTwiceBeforeTreatmentIsFlagged() {
        var twice = ClientBuilder("T")
        twice.assess("2013-01-01", band: 2, id: "1"); twice.assess("2013-02-01", band: 3, id: "2")
        twice.episode("P01", start: "2013-02-01")  // an assessment on the start day came before treatment
        var once = ClientBuilder("O")
        once.assess("2013-01-01", band: 2, id: "3"); once.episode("P01", start: "2013-01-20"); once.assess("2013-05-01", band: 3, id: "4")
        var never = ClientBuilder("N")
        never.assess("2013-01-01", band: 2, id: "5"); never.assess("2013-06-01", band: 2, id: "6")
        #expect(AssessedTwice.flag(twice.history) == AssessedTwice(clientID: ClientID("T"), assessments: 2, firstStart: day("2013-02-01")))
        #expect(AssessedTwice.flag(once.history) == nil, "a re-assessment during treatment is no warning")
        #expect(AssessedTwice.flag(never.history)?.firstStart == nil && AssessedTwice.flag(never.history)?.assessments == 2)
    }
}
