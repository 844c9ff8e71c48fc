import PbRCore
import Testing

/// Creaming by how fast, counted by hand: the wait from the assessment that led to a start, and the
/// assessments made out of treatment that no start followed within 28 days.
@Suite("Diagnostics: assessment tallies")
struct AssessmentTalliesTests {
    func day(_ text: String) -> Day { Day(iso: text)! }
    func month(_ text: String) -> StatementPeriod { StatementPeriod(text)! }

    func history(_ id: String, assessed: [(String, Int)], episodes: [(String, String, String?)]) -> ClientHistory {
        var history = ClientHistory(clientID: ClientID(id))
        for (index, (on, band)) in assessed.enumerated() {
            history.add(.assessment(Assessment(recordID: RecordID("A\(id)\(index)"), clientID: ClientID(id), assessedOn: day(on), band: Band(band)!)))
        }
        for (index, (provider, start, end)) in episodes.enumerated() {
            history.add(.episode(Episode(recordID: RecordID("E\(id)\(index)"), clientID: ClientID(id), providerID: ProviderID(provider),
                                         startOn: day(start), endOn: end.map(day), dischargeReason: end == nil ? nil : .droppedOut)))
        }
        return history
    }

    var tallies: AreaTallies {
        AreaTallies([
            history("A", assessed: [("2012-04-02", 4)], episodes: [("P01", "2012-04-30", nil)]),           // waited 28 days: long
            history("B", assessed: [("2012-04-05", 2)], episodes: []),                                     // never started
            history("C", assessed: [("2012-04-10", 3), ("2012-04-25", 4)],                                 // re-assessed in treatment,
                    episodes: [("P02", "2012-04-20", "2012-05-10"), ("P02", "2012-06-01", nil)]),          // re-presents unassessed
            history("D", assessed: [("2012-06-15", 1)], episodes: []),                                     // its 28 days not over
            history("E", assessed: [("2012-05-01", 5)], episodes: [("P01", "2012-05-29", nil)]),           // started on the 28th day
        ], first: month("2012-04"), last: month("2012-06"), asOf: day("2012-06-30"))
    }

    func figures(_ key: AreaTallies.Key) -> [String] {
        ["2012-04", "2012-05", "2012-06"].map { let tally = tallies.tally(key, month($0)); return "\(tally.count)/\(tally.trials)" }
    }

    @Test func aStartWaitsFromTheAssessmentThatLedToItAndOverThreeWeeksIsLong() {
        #expect(figures(.init(.longWaits)) == ["1/2", "1/1", "0/0"])
        #expect(figures(.init(.longWaits, provider: ProviderID("P01"))) == ["1/1", "1/1", "0/0"])
        #expect(figures(.init(.longWaits, provider: ProviderID("P02"))) == ["0/1", "0/0", "0/0"])
        #expect(tallies.tally(.init(.longWaits), month("2012-04")).clients == [ClientID("A")])
    }

    @Test func anAssessmentOutOfTreatmentWithNoStartWithin28DaysIsNotStarted() {
        #expect(figures(.init(.assessedNotStarted)) == ["1/3", "0/1", "0/0"])
        #expect(figures(.init(.assessedNotStarted, band: Band(2)!)) == ["1/1", "0/0", "0/0"])
        #expect(figures(.init(.assessedNotStarted, band: Band(4)!)) == ["0/1", "0/0", "0/0"])
        #expect(tallies.tally(.init(.assessedNotStarted), month("2012-04")).clients == [ClientID("B")])
        // An assessment names no provider: the measure is the area's, by band.
        #expect(!tallies.keys(.assessedNotStarted).contains { $0.provider != nil })
    }
}
