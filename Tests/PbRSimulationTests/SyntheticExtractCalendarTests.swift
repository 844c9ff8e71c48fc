import PbRCore
import PbRSimulation
import Testing

@Suite("Synthetic extract: facts are dated where each batch says")
struct SyntheticExtractCalendarTests {
    let end = Fixture.contractEnd

    @Test func theTreatmentExtractHoldsNothingDatedAfterTheContractEnds() {
        let treatment = Fixture.treatment
        #expect(treatment.assessments.allSatisfy { $0.assessedOn <= end })
        #expect(treatment.episodes.allSatisfy { ($0.referralOn ?? end) <= end && ($0.startOn ?? end) <= end && ($0.endOn ?? end) <= end })
        #expect(treatment.tops.allSatisfy { $0.on <= end })
        #expect(treatment.events.allSatisfy { $0.on <= end })
    }

    @Test func offencesDatedFromJuly2015ArriveOnlyWithThePolice() {
        let cut = Day(year: 2015, month: 6, day: 30)!
        #expect(Fixture.treatment.offences.allSatisfy { $0.offenceOn <= cut })
        #expect(Fixture.batches[1].records.allSatisfy { $0.kind == .offences })
        let police = Fixture.police.offences
        #expect(police.allSatisfy { $0.offenceOn <= end && $0.provenOn! <= Day(year: 2016, month: 7, day: 5)! })
        let late = police.filter { $0.offenceOn <= cut }.count
        #expect(late > 0 && late * 5 < police.count, "a few older offences reported late, \(late) of \(police.count)")
    }

    @Test func offencesAreProvenOneTo120DaysLaterAndTriggerFollowsTheCategory() {
        let triggers: Set = ["shoplifting", "burglary", "theft", "robbery", "fraud", "possession_class_a"]
        for offence in Fixture.original.offences {
            let lag = offence.offenceOn.days(to: offence.provenOn!)
            #expect((1...120).contains(lag))
            #expect(offence.trigger == triggers.contains(offence.category))
        }
    }

    @Test func theDeadDoNothingAfterDeath() {
        let deaths = Dictionary(Fixture.treatment.events.filter { $0.kind == .died }.map { ($0.clientID, $0.on) },
                                uniquingKeysWith: { _, _ in Issue.record("two deaths"); return end })
        #expect(!deaths.isEmpty)
        for episode in Fixture.treatment.episodes where episode.dischargeReason == .died {
            #expect(deaths[episode.clientID] == episode.endOn)
        }
        func afterDeath(_ client: ClientID, _ day: Day?) -> Bool { day.map { day in deaths[client].map { day > $0 } ?? false } ?? false }
        let after = Fixture.treatment.tops.filter { afterDeath($0.clientID, $0.on) }.count
            + Fixture.treatment.events.filter { afterDeath($0.clientID, $0.on) }.count
            + Fixture.original.offences.filter { afterDeath($0.clientID, $0.offenceOn.adding(days: 1)) }.count
            + Fixture.treatment.episodes.filter { afterDeath($0.clientID, $0.startOn) }.count
            + Fixture.treatment.assessments.filter { afterDeath($0.clientID, $0.assessedOn) }.count
        #expect(after == 0)
    }
}
