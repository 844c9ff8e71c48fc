import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// `pbr proof`'s use case on the reference contract with the shipped rates: the seeds' prediction with
/// its figures, and the mistakes refused with the file, key and reason.
@Suite("Framework proofing on the reference contract")
struct FrameworkProofTests {
    let noStore = StoreLocation.sqlite(path: "/nonexistent/pbr.sqlite")

    func proof(rates: String? = nil, contract: String = Fixtures.referenceContractURL.path) async throws -> FrameworkProof {
        try await FrameworkProof.prepare(contract: contract, store: noStore, rates: rates, start: nil)
    }

    func find(_ earnings: [ProfileEarning], _ substances: [Substance], offending: Bool = false, injecting: Bool = false,
              housingProblem: Bool = false, inWork: Bool, band: Int) -> ProfileEarning? {
        earnings.first { $0.profile == ProofProfile(substances: substances, offending: offending, injecting: injecting,
                                                    housingProblem: housingProblem, inWork: inWork, band: Band(band)!) }
    }

    @Test func theAlcoholOnlyHousedEmployedNonOffendingClientIsAmongTheLeastPaidAsTheSeedsPredicted() async throws {
        let result = try await proof().run()
        #expect(result.earnings.count == 640)
        let drinker = try #require(find(result.earnings, [.alcohol], inWork: true, band: 1))
        // Abstinent 300 (the group's higher), completed 1000, work 150, wellbeing 100: the least any
        // profile can earn, shared by every housed, non-offending, non-injecting band-1 profile (20).
        #expect(drinker.most == Money("1550.00"))
        #expect(result.earnings.first?.most == Money("1550.00"))
        #expect(result.earnings.filter { $0.most == Money("1550.00") }.count == 20)
        #expect(drinker.rank <= 64, "in the bottom decile of 640")
        #expect(drinker.rank == 18)
        // 300 × 15% + 150 × 35% + 1000 × 45% + 150 × 85% + 100 × 40% = 45 + 52.50 + 450 + 127.50 + 40.
        #expect(drinker.expected == Money("715.00"))
    }

    @Test func byExpectedEarningOpiateClientsOfTheSameShapeRankBelowTheDrinker() async throws {
        let result = try await proof().run(order: .expected)
        let drinker = try #require(find(result.earnings, [.alcohol], inWork: true, band: 1))
        #expect(drinker.rank == 86)
        let opiates = try #require(find(result.earnings, [.opiates], inWork: false, band: 1))
        // 300 × 20% + 1000 × 25% + 150 × 20% + 100 × 40%.
        #expect(opiates.expected == Money("380.00"))
        #expect(result.earnings.first?.expected == Money("380.00"))
    }

    @Test func theHeaviestBand5ClientsFiguresAreEachPriceTimesItsShippedRate() async throws {
        let result = try await proof().run()
        let heaviest = try #require(find(result.earnings, [.opiates], offending: true, injecting: true, housingProblem: true,
                                         inWork: false, band: 5))
        #expect(heaviest.most == Money("5550.00"))
        // 700 × 20% + 2400 × 25% + 250 × 20% + 400 × 50% + 800 × 35% + 350 × 40% + 100 × 40% + 350 × 35% + 200 × 40%.
        #expect(heaviest.expected == Money("1652.50"))
    }

    @Test func aRatesFileWithAMistakeIsRefusedNamingTheFileTheKeyAndTheLine() async throws {
        let file = try Fixtures.temporaryFolder().appendingPathComponent("rates.yaml")
        try "rates:\n  D1-completed: 45\n".write(to: file, atomically: true, encoding: .utf8)
        await #expect(throws: Refusal("\(file.path): rates.D1-completed (line 2): '45' is not a percentage from 0% to 100%, e.g. 25%")) {
            try await proof(rates: file.path)
        }
        try "rates:\n  D1-complete: 45%\n".write(to: file, atomically: true, encoding: .utf8)
        await #expect(throws: Refusal.self) { try await proof(rates: file.path) }
        do { _ = try await proof(rates: file.path) } catch {
            #expect("\(error)".hasPrefix("\(file.path): rates.D1-complete (line 2): not an outcome of the contract (its outcomes: D1-abstinent, "))
        }
        try "rates:\n  D1-completed: 45%\nadjustments:\n  - when: {in_work: yes}\n    rates: {D1-completed: 50%}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        await #expect(throws: Refusal("\(file.path): adjustments[0].when.in_work (line 4): 'yes' is not Y or N")) {
            try await proof(rates: file.path)
        }
    }

    @Test func ratesThatLeaveAPaidOutcomeWithoutAChanceAreRefusedNamingIt() async throws {
        let file = try Fixtures.temporaryFolder().appendingPathComponent("rates.yaml")
        try "rates:\n  D1-completed: 45%\n".write(to: file, atomically: true, encoding: .utf8)
        let proof = try await proof(rates: file.path)
        #expect(throws: Refusal("\(file.path): the rates give no chance for D1-abstinent, which the contract pays for "
                                + "opiates+crack, not offending, not injecting, housed, not in work, band 1: add it under rates")) {
            try proof.run()
        }
    }

    @Test func anUnknownContractIsRefusedSayingWhereItWasLookedFor() async throws {
        await #expect(throws: Refusal.self) { try await proof(contract: "no-such-contract") }
        do { _ = try await proof(contract: "no-such-contract") } catch {
            #expect("\(error)".hasPrefix("--contract no-such-contract: no such contract file, and no store to find a contract of that id in"))
        }
        let store = try Fixtures.temporaryFolder().appendingPathComponent("pbr.sqlite").path
        let journal = try await JournalStore.open(.sqlite(path: store), .createIfMissing)
        try await journal.close()
        await #expect(throws: Refusal("no contract 'no-such-contract' in \(store): the store holds none yet; `pbr contract add FILE` registers one")) {
            try await FrameworkProof.prepare(contract: "no-such-contract", store: .sqlite(path: store), rates: nil, start: nil)
        }
    }

    @Test func aContractInTheStoreIsProofedByItsId() async throws {
        let store = try Fixtures.temporaryFolder().appendingPathComponent("pbr.sqlite").path
        let journal = try await JournalStore.open(.sqlite(path: store), .createIfMissing)
        _ = try await ContractRegistry(store: journal).add(Fixtures.referenceContractURL.path, by: "test")
        try await journal.close()
        let result = try await FrameworkProof.prepare(contract: "national-pilot", store: .sqlite(path: store), rates: nil, start: nil).run()
        #expect(result.earnings.first?.most == Money("1550.00"))
        #expect(result.stamp.file.hasPrefix("store: version 1 of 1"))
    }

    @Test func aContractPaidOnceWithAnotherIsProofedAlone() async throws {
        let path = Fixtures.root.appendingPathComponent("contracts/oxfordshire-recovery.yaml").path
        let result = try await proof(contract: path).run()
        #expect(result.earnings.count == 640)
        #expect(result.earnings.allSatisfy { $0.most > .zero })
    }

    @Test func theReportIsStandaloneHTMLWithAnSVGChartInPounds() async throws {
        let html = ProofHTML.render(try await proof().run(), charted: 20)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(!html.contains("<script"))
        #expect(html.contains("Earning per client (£)"))
        #expect(html.contains(">£1,000</text>"))
        #expect(html.contains(">18. alcohol, in work, band 1</text>"))
    }
}
