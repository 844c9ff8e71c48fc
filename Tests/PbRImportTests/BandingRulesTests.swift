import Foundation
import PbRCore
import PbRImport
import PbRTestSupport
import Testing

/// A contract's banding rules: read from its file, refused at the key that is wrong, and the score of
/// the factors present mapped to a band at every range's edges.
@Suite("Banding rules")
struct BandingRulesTests {
    static func kent() throws -> BandingRules {
        try #require(try ContractLoader.load(file: Fixtures.root.appendingPathComponent("contracts/kent.yaml")).banding)
    }

    /// Kent's factors: opiates_or_crack 3, injecting 3, alcohol_dependent 2, poly_drug_use 2, offending 2,
    /// mental_health 2, safeguarding 2, housing 1, physical_health 1; bands 0-2, 3-5, 6-8, 9-11, 12+.
    @Test func theScoreGivesTheBandAtEachRangesEdges() throws {
        let rules = try Self.kent()
        let cases: [([String], Int, Int)] = [
            ([], 0, 1), (["alcohol_dependent"], 2, 1), (["opiates_or_crack"], 3, 2), (["opiates_or_crack", "alcohol_dependent"], 5, 2),
            (["opiates_or_crack", "injecting"], 6, 3), (["opiates_or_crack", "injecting", "offending"], 8, 3),
            (["opiates_or_crack", "injecting", "offending", "housing"], 9, 4),
            (["opiates_or_crack", "injecting", "offending", "mental_health", "housing"], 11, 4),
            (["opiates_or_crack", "injecting", "offending", "mental_health", "safeguarding"], 12, 5),
            (rules.factors.map(\.id), 18, 5),
            (["housing", "housing"], 1, 1),  // a factor counts once
        ]
        for (factors, score, band) in cases {
            #expect(try rules.score(factors) == score, "\(factors)")
            #expect(rules.band(score: score) == Band(band)!, "\(score) points")
        }
    }

    @Test func anUnknownFactorIsRefused() throws {
        #expect(throws: BandingRules.UnknownFactor.self) { try Self.kent().score(["housing", "gambling"]) }
    }

    @Test func theShippedContractsWithAnAssessorHaveTheSameRules() throws {
        for name in ["national-pilot", "oxfordshire-assessment"] {
            let contract = try ContractLoader.load(file: Fixtures.root.appendingPathComponent("contracts/\(name).yaml"))
            #expect(contract.banding == (try Self.kent()), "\(name)")
        }
    }

    static func parse(factors: String, bands: String) -> ContractError? {
        let text = try! String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8)
        let start = text.range(of: "banding:\n")!.lowerBound, end = text.range(of: "\ncaps:")!.lowerBound
        let banding = "banding:\n  factors:\n\(factors)\n  bands:\n\(bands)\n"
        do { _ = try ContractLoader.parse(text.replacingCharacters(in: start..<end, with: banding)) } catch { return error }
        return nil
    }

    static let twoFactors = "    - {id: a, points: 2}\n    - {id: b, points: 3}"

    @Test func aGapBetweenRangesIsRefusedAtItsKey() {
        let error = Self.parse(factors: Self.twoFactors, bands: "    - {band: 1, points: 0-2}\n    - {band: 2, points: 4+}")
        #expect(error?.path == "banding.bands[1].points")
        #expect(error?.reason == "a gap: no band for 3 points")
    }

    @Test func overlappingRangesAreRefusedAtTheirKey() {
        let error = Self.parse(factors: Self.twoFactors, bands: "    - {band: 1, points: 0-3}\n    - {band: 2, points: 3+}")
        #expect(error?.path == "banding.bands[1].points")
        #expect(error?.reason == "3+ overlaps band 1 (0-3)")
    }

    @Test func rangesThatStopBelowEveryFactorTogetherAreRefused() {
        let error = Self.parse(factors: Self.twoFactors, bands: "    - {band: 1, points: 0-2}\n    - {band: 2, points: 3-4}")
        #expect(error?.path == "banding.bands[1].points")
        #expect(error?.reason.hasPrefix("a score of 5-5") == true)
    }

    @Test func aFactorNamedTwiceOrAnUnknownKeyIsRefusedAtItsKey() {
        let twice = Self.parse(factors: "    - {id: a, points: 2}\n    - {id: a, points: 3}", bands: "    - {band: 1, points: 0+}")
        #expect(twice?.path == "banding.factors[1]" && twice?.reason == "factor 'a' is named twice")
        let typo = Self.parse(factors: "    - {id: a, pints: 2}", bands: "    - {band: 1, points: 0+}")
        #expect(typo?.path == "banding.factors[0].pints")
    }
}

/// A contract may pay for the service user's own goals: an `event` outcome on `goal_achieved`.
@Suite("Goals achieved, paid")
struct GoalOutcomeTests {
    static let goalOutcome = """

          - id: V1-goal-achieved
            domain: health
            stage: interim
            kind: event
            events: [goal_achieved]
            prices: {1: 40.00, 2: 50.00, 3: 60.00, 4: 70.00, 5: 80.00}
        """

    @Test func aGoalAchievedIsPaidAtTheBandInForceOnItsDay() throws {
        let text = try String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8)
        let contract = try ContractLoader.parse(text + Self.goalOutcome)
        var client = ClientBuilder("G1")
        client.assess("2012-05-01", band: 2, id: "1")
        client.episode("P01", start: "2012-05-10")
        client.event("2012-07-01", .goalAgreed)
        client.assess("2012-08-01", band: 4, id: "2")
        client.event("2012-09-01", .goalAchieved)
        client.event("2012-10-01", .goalAchieved)  // paid once
        let report = entitlements(contract, [client], asOf: "2013-03-31")
        #expect(report.amounts("V1-goal-achieved") == ["70.00 payable"])
        #expect(report.lines("V1-goal-achieved").first?.achievedOn == day("2012-09-01"))
    }
}
