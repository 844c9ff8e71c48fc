import PbRCore
import PbRTestSupport
import Testing

/// Attachment fees: a fee per journey started, at the band in force on its start day, adjusted when
/// late data moves the band or the start.
@Suite("Attachment fees")
struct AttachmentFeeTests {
    let contract = Contract(
        id: "attach", name: "test", start: day("2012-04-01"), outcomesUntil: day("2016-03-31"), outcomes: [],
        finance: Finance(remainder: "attachment", attachmentFees: [
            Band(1)!: Money(pounds: "100.00")!, Band(2)!: Money(pounds: "250.00")!, Band(3)!: Money(pounds: "400.00")!,
            Band(4)!: Money(pounds: "550.00")!, Band(5)!: Money(pounds: "700.00")!,
        ]))

    func client(assessedBand: Int = 2) -> ClientBuilder {
        var client = ClientBuilder("C1")
        client.assess("2012-05-01", band: assessedBand)
        client.episode("P01", start: "2012-05-10", end: "2012-09-30", reason: .droppedOut)
        // A second journey, 40 days after the first ended: a new attachment.
        client.episode("P02", start: "2012-11-09")
        return client
    }

    func statement(_ period: String, _ histories: [ClientHistory], _ ledger: inout IssuedLedger) throws -> [StatementLine] {
        let asOf = StatementPeriod(period)!.lastDay
        let issued = try PeriodStatements.compute(versions: ContractVersions([contract]), period: StatementPeriod(period)!, run: [],
                                                  attachments: AttachmentFees.owed(contract, histories, asOf: asOf),
                                                  issued: ledger, balances: [:]) { [] }
        let lines = issued.flatMap(\.statement.lines)
        ledger.record(lines)
        return lines
    }

    @Test func eachJourneyStartedEarnsTheFeeForItsBandInTheMonthItStarts() throws {
        var ledger = IssuedLedger()
        let history = client().history
        let may = try statement("2012-05", [history], &ledger)
        #expect(may.map { "\($0.providerID) \($0.component.rawValue) \($0.band!) \($0.achievedOn!) \($0.amount)" }
                    == ["P01 attachment 2 2012-05-10 250.00"])
        #expect(may.first?.outcomeID == nil && may.first?.part == nil)
        #expect(try statement("2012-06", [history], &ledger).isEmpty)
        // The second journey, paid to the provider it started at.
        #expect(try statement("2012-11", [history], &ledger).map { "\($0.providerID) \($0.amount)" } == ["P02 250.00"])
    }

    @Test func aLateAssessmentThatChangesTheStartDaysBandIsAdjusted() throws {
        var ledger = IssuedLedger()
        _ = try statement("2012-05", [client().history], &ledger)
        // Late data: an assessment of band 4 on 2012-05-08, before the start: the fee is 550.00, so +300.00.
        var corrected = client()
        corrected.assess("2012-05-08", band: 4)
        let june = try statement("2012-06", [corrected.history], &ledger)
        #expect(june.map { "\($0.kind.rawValue) \($0.amount) \($0.refersTo.map(\.description))" }
                    == ["adjustment 300.00 [\"attach/2012-05/P01:1\"]"])
        #expect(june.first?.reason.hasPrefix("band 2 became band 4") == true)
    }

    @Test func aJourneyWithNoBandOnItsStartDayEarnsNoFee() throws {
        var history = ClientBuilder("C2")
        history.episode("P01", start: "2012-05-10")
        history.assess("2012-05-20", band: 3)
        #expect(AttachmentFees.owed(contract, [history.history], asOf: day("2013-03-31")).isEmpty)
    }
}
