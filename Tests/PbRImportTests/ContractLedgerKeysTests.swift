import Foundation
import PbRCore
import PbRImport
import PbRTestSupport
import Testing

/// The contract keys the ledger reads (block shares, caps per client, providers, clients in treatment,
/// other programmes, contracts paid once with), read when right and refused at their key when wrong.
@Suite("Contract files: the ledger's keys")
struct ContractLedgerKeysTests {
    let text: String
    init() throws { text = try String(contentsOf: Fixtures.referenceContractURL, encoding: .utf8) }

    /// The reference contract with `lines` added before its outcomes.
    func with(_ lines: String) -> String {
        text.replacingOccurrences(of: "outcomes:\n  - id: D1-abstinent", with: lines + "\n\noutcomes:\n  - id: D1-abstinent")
    }

    func refusal(_ lines: String) -> String? {
        do { _ = try ContractLoader.parse(with(lines)); return nil } catch { return "\(error)" }
    }

    @Test func theLedgersKeysAreRead() throws {
        let contract = try ContractLoader.parse(with("""
            providers: [P01, P02]
            takes_clients_in_treatment: true
            paid_once_with: [kent, oxfordshire-recovery]
            other_programmes:
              - {programme: work_programme, claim: job_outcome, reduces: D2-work-activity, by: 50%, within: 90 days}
            """).replacingOccurrences(of: "caps: []", with: "caps: [{outcome: all, per_client: 3000.00}]"))
        #expect(contract.providers == [ProviderID("P01"), ProviderID("P02")])
        #expect(contract.takesClientsInTreatment)
        #expect(contract.paidOnceWith == ["kent", "oxfordshire-recovery"] && contract.peers.isEmpty)
        #expect(contract.claimRules.map { "\($0.programme) \($0.claimOutcome) \($0.outcome) \($0.withinDays) \($0.reductionBasisPoints ?? 0)" }
                    == ["work_programme job_outcome D2-work-activity 90 5000"])
        #expect(contract.caps.map { "\($0.outcome?.rawValue ?? "all") \($0.limit) \($0.perClient)" } == ["all 3000.00 true"])
    }

    @Test func mistakesAreRefusedAtTheirKey() {
        #expect(refusal("takes_clients_in_treatment: yes")?.hasSuffix("expected true or false") == true)
        #expect(refusal("paid_once_with: [national-pilot]")?.hasSuffix("a contract does not share its results with itself") == true)
        #expect(refusal("paid_once_with: [kent, kent]")?.hasSuffix("'kent' is named twice") == true)
        #expect(refusal("other_programmes:\n  - {programme: work_programme, claim: job_outcome, blocks: D9-nothing, within: 90 days}")?
                    .contains("no outcome 'D9-nothing' in this contract") == true)
        #expect(refusal("other_programmes:\n  - {programme: work_programme, claim: job_outcome, blocks: D2-work-activity, by: 50%, within: 90 days}")?
                    .hasSuffix("by goes with reduces, not blocks") == true)
        #expect(refusal("other_programmes:\n  - {programme: work_programme, claim: job_outcome, blocks: D2-work-activity, within: 3 months}")?
                    .hasSuffix("counted in days, e.g. 180 days") == true)
        let shares = text.replacingOccurrences(of: "  remainder: none", with: "  remainder: monthly_block\n  block_shares: {P01: 60%, P02: 30%}")
        #expect(throws: (any Error).self) { try ContractLoader.parse(shares) }
        do { _ = try ContractLoader.parse(shares) } catch {
            #expect("\(error)".hasSuffix("the providers' shares add up to 90.00%, not 100%"))
        }
        let bothCaps = text.replacingOccurrences(of: "caps: []", with: "caps: [{outcome: all, per_year: 1.00, per_client: 2.00}]")
        do { _ = try ContractLoader.parse(bothCaps); Issue.record("a cap with both limits was read") } catch {
            #expect("\(error)".contains("a cap needs per_year (across clients in a contract year) or per_client"))
        }
    }
}
