import PbRCore
import PbRTestSupport
import Testing

/// The sample of a period's paid lines: reproducible from its seed, stratified by provider and outcome,
/// and larger for a provider whose earlier samples found more lines wrong.
@Suite("Verification samples")
struct SampleDrawTests {
    let period = StatementPeriod("2013-06")!

    /// A new outcome line of `test/2013-06/PAYEE`, earned by `earner`.
    func paid(_ line: Int, _ earner: String, _ outcome: String, _ amount: String = "100.00", payee: String = "P01",
              kind: StatementLine.Kind = .new) -> StatementLine {
        StatementLine(statementID: "test/2013-06/\(payee)", line: line, period: period, providerID: ProviderID(payee),
                      earnedBy: ProviderID(earner), clientID: ClientID("C\(line)"), component: .outcome, outcomeID: OutcomeID(outcome),
                      part: 1, band: Band(2), achievedOn: day("2013-06-10"), dueOn: day("2013-06-10"), kind: kind,
                      amount: Money(amount), reason: "test")
    }

    @Test func aLinesDrawKeyIsSplitMix64SeededWithTheSeedXorTheFNV1aHashOfItsReference() {
        // Worked outside Swift: FNV-1a 64 of "national-pilot/2013-06/P01:1" is 0xb941e4283a66a92d, and
        // SplitMix64's first output from 7 XOR that is 15494774752055404191.
        #expect(SampleDraw.key(seed: 7, line: LineReference(statementID: "national-pilot/2013-06/P01", line: 1)) == 15_494_774_752_055_404_191)
    }

    @Test func theSameSeedDrawsTheSameSampleAndAHigherRateTakesASuperset() {
        let lines = (1...10).map { paid($0, "P01", "D4-hepb-course") }
        func drawn(_ seed: UInt64, _ rate: Int) -> [Int] {
            SampleDraw.draw(lines, seed: seed, rate: { _ in rate }).flatMap(\.sampled).map(\.line)
        }
        // Keys worked outside Swift: with seed 7 the smallest are lines 8, 9, then 4, 6; with seed 8, lines 3, 5.
        #expect(drawn(7, 2_000) == [8, 9])
        #expect(drawn(7, 2_000) == drawn(7, 2_000))
        #expect(drawn(7, 4_000) == [4, 6, 8, 9])
        #expect(drawn(8, 2_000) == [3, 5])
    }

    @Test func eachStratumTakesItsRateRoundedUpAndAtLeastOneLine() {
        // P01: 40 hepatitis B lines at 5% take 2; 7 work lines take 1 (0.35 up). P02: 1 line takes 1.
        let lines = (1...40).map { paid($0, "P01", "D4-hepb-course") } + (41...47).map { paid($0, "P01", "D2-work-activity") }
            + [paid(48, "P02", "D4-hepb-course")]
        let strata = SampleDraw.draw(lines, seed: 1, rate: { _ in 500 })
        #expect(strata.map { "\($0.provider) \($0.outcomeID) \($0.paid.count) \($0.sampled.count)" }
                    == ["P01 D2-work-activity 7 1", "P01 D4-hepb-course 40 2", "P02 D4-hepb-course 1 1"])
        #expect(SampleDraw.size(of: 20, rateBasisPoints: 500) == 1 && SampleDraw.size(of: 21, rateBasisPoints: 500) == 2)
        #expect(SampleDraw.size(of: 3, rateBasisPoints: 10_000) == 3 && SampleDraw.size(of: 0, rateBasisPoints: 500) == 0)
    }

    @Test func onlyPositiveNewOutcomeLinesArePaidLines() {
        var block = paid(1, "P01", "")
        block.component = .block
        let adjustment = paid(2, "P01", "D4-hepb-course", "-100.00", kind: .adjustment)
        let kept = paid(3, "P01", "D4-hepb-course")
        #expect(SampleDraw.paidLines([block, adjustment, kept], in: period).map(\.line) == [3])
    }

    @Test func aProviderMovesFromGreenToAmberWhenItsClosedSamplesFindOver5PercentWrong() throws {
        #expect(RiskStatus(notConfirmed: 0, sampled: 0) == .green)
        #expect(RiskStatus(notConfirmed: 1, sampled: 20) == .green)   // 5.00%
        #expect(RiskStatus(notConfirmed: 1, sampled: 19) == .amber)   // 5.26%
        #expect(RiskStatus(notConfirmed: 2, sampled: 20) == .amber)   // 10.00%
        #expect(RiskStatus(notConfirmed: 3, sampled: 20) == .red)     // 15.00%
        #expect(RiskStatus.amber.rate(statedBasisPoints: 500) == 1_000 && RiskStatus.red.rate(statedBasisPoints: 3_000) == 10_000)

        // May: 100 lines of P01 at 10% take 10; 1 of them is found wrong (10%); P02's 10 lines take 1, confirmed.
        let may = StatementPeriod("2013-05")!
        func line(_ n: Int, _ provider: String) -> StatementLine {
            var line = paid(n, provider, "D4-hepb-course", payee: provider)
            line.statementID = "test/2013-05/\(provider)"
            line.period = may
            return line
        }
        var first = try #require(VerificationSample.draw(contractID: "test", period: may, seed: 3, rateBasisPoints: 1_000,
                                                         lines: (1...100).map { line($0, "P01") } + (1...10).map { line($0, "P02") }, earlier: []))
        #expect(first.providers.map { "\($0.provider) \($0.status) \($0.rateBasisPoints)" } == ["P01 green 1000", "P02 green 1000"])
        #expect(first.lines.map(\.provider.rawValue) == Array(repeating: "P01", count: 10) + ["P02"])
        for index in first.lines.indices { first.lines[index].finding = .confirmed }
        first.lines[0].finding = .notConfirmed(reason: "no evidence of the course")

        // June's 40 lines of P01: while May is open P01 is still green (10% takes 4); once May is closed,
        // 1 of 10 wrong makes it amber, sampled at twice the rate (20% takes 8).
        let june = (1...40).map { paid($0, "P01", "D4-hepb-course") }
        let whileOpen = try #require(VerificationSample.draw(contractID: "test", period: period, seed: 3, rateBasisPoints: 1_000,
                                                             lines: june, earlier: [first]))
        #expect(whileOpen.providers.map { "\($0.status) \($0.rateBasisPoints)" } == ["green 1000"] && whileOpen.lines.count == 4)
        let closed = first.closed(postedIn: StatementPeriod("2013-06")!)
        let afterMay = try #require(VerificationSample.draw(contractID: "test", period: period, seed: 3, rateBasisPoints: 1_000,
                                                            lines: june, earlier: [closed]))
        #expect(afterMay.providers.map { "\($0.status) \($0.pastNotConfirmed) of \($0.pastSampled) \($0.rateBasisPoints)" } == ["amber 1 of 10 2000"])
        #expect(afterMay.lines.count == 8)
        #expect(Set(whileOpen.lines.map(\.reference)).isSubset(of: afterMay.lines.map(\.reference)), "the same seed: a superset")
    }
}
