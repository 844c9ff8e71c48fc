import PbRCore
import PbRTestSupport
import Testing

/// What a closed sample recovers: the sample's error rate by value times the value of the provider's
/// unsampled paid lines, rounded down to the penny; and the lines found wrong reversed in full, their
/// keys settled at zero from then on.
@Suite("Verification recoveries")
struct VerificationRecoveryTests {
    let june = StatementPeriod("2013-06")!

    func sampled(_ line: Int, _ amount: String, _ finding: VerificationSample.Finding?, client: String? = nil,
                 outcome: String = "D4-hepb-course") -> VerificationSample.Line {
        VerificationSample.Line(reference: LineReference(statementID: "test/2013-06/P01", line: line), payee: ProviderID("P01"),
                                provider: ProviderID("P01"), clientID: ClientID(client ?? "C\(line)"), outcomeID: OutcomeID(outcome),
                                part: 1, amount: Money(amount), finding: finding)
    }

    func draw(paidLines: Int, paidValue: String) -> VerificationSample.ProviderDraw {
        VerificationSample.ProviderDraw(provider: ProviderID("P01"), payee: ProviderID("P01"), status: .green, pastSampled: 0,
                                        pastNotConfirmed: 0, rateBasisPoints: 2_500, paidLines: paidLines, paidValue: Money(paidValue))
    }

    @Test func threeOf40SampledLinesWrongRecover7Point5PercentOfTheUnsampledValue() {
        // 160 lines of £400.00 paid (£64,000.00); 40 sampled (£16,000.00), 3 not confirmed (£1,200.00, 7.50%).
        // 7.50% of the £48,000.00 not sampled is £3,600.00. Wilson's interval for 3 of 40 at z = 1.96:
        // centre (0.075 + 0.048020) / 1.096040 = 0.112241, half 1.96 × sqrt(0.001734 + 0.000600) / 1.096040
        // = 0.086386, so 2.58% to 19.86%.
        let lines = (1...40).map { sampled($0, "400.00", $0 <= 3 ? .notConfirmed(reason: "no evidence") : .confirmed) }
        let found = ProviderFindings(draw(paidLines: 160, paidValue: "64000.00"), lines: lines)
        #expect([found.sampledValue, found.notConfirmedValue, found.unsampledValue, found.recovery]
                    == ["16000.00", "1200.00", "48000.00", "3600.00"].map { Money($0) })
        #expect(found.valueRateBasisPoints == 750 && found.countRateBasisPoints == 750)
        #expect(found.working(period: june, seed: 7) == "verification of 2013-06 (seed 7), P01: 3 of 40 sampled lines not confirmed "
            + "(7.50%, 95% CI 2.58% to 19.86%); £1,200.00 of £16,000.00 by value (7.50%) × £48,000.00 unsampled = £3,600.00")
    }

    @Test func theRecoveryIsRoundedDownToThePennyInTheProvidersFavour() {
        // £100.00 of £350.00 wrong, × £2,250.00 unsampled = £642.857...: £642.85.
        let found = ProviderFindings(draw(paidLines: 20, paidValue: "2600.00"),
                                     lines: [sampled(1, "100.00", .notConfirmed(reason: "x")), sampled(2, "100.00", .confirmed),
                                             sampled(3, "150.00", .confirmed)])
        #expect(found.recovery == Money("642.85"))
        #expect(found.valueRateBasisPoints == 2_857)   // 28.571...%, to the nearest basis point
        #expect(WilsonInterval(successes: 1, trials: 3).description == "6.15% to 79.23%")
        #expect(WilsonInterval(successes: 0, trials: 5).description == "0.00% to 43.45%")
    }

    @Test func aSampleWithEveryLineConfirmedRecoversNothing() {
        let found = ProviderFindings(draw(paidLines: 10, paidValue: "1000.00"), lines: [sampled(1, "100.00", .confirmed)])
        #expect(found.recovery == .zero && found.reversed == .zero)
    }
}
