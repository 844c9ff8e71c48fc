@testable import pbr
@testable import PbRCore
import PbRTestSupport
import Testing

/// The summary `pbr entitlements` and `pbr demo` print: its layout (its figures are tested in PbRCore).
@Suite("The run's summary on a terminal")
struct SummaryTextTests {
    let contract: Contract
    init() throws { contract = try Fixtures.referenceContract() }

    /// The cells of the summary's line that starts with `first`, split at runs of spaces.
    func cells(_ text: String, _ first: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == first } ?? []
    }

    @Test func theSummaryShowsMoneyCountsTheContractYearsBudgetAndWhatIsPending() {
        // Band 2 completes on 2013-01-31: 1300.00 in quarters of 325.00, the first due 2013-04-30 (2013/14),
        // the other three pending (due 2013-07-31, 10-31, 2014-01-31, all in 2013/14). 2013/14's budget is
        // 2,400,000.00 × 35% = 840,000.00; left: 840,000.00 - 325.00 = 839,675.00.
        var completer = ClientBuilder("C1")
        completer.episode("P01", start: "2012-06-01", end: "2013-01-31", reason: .completedDrugFree)
        completer.assess("2012-05-01", band: 2)
        var unassessed = ClientBuilder("C2")
        unassessed.episode("P02", start: "2012-06-01")
        unassessed.event("2012-09-01", .workActivity)
        let text = SummaryText.render(entitlements(contract, [completer, unassessed], asOf: "2013-05-31"),
                                      contract: contract, knownAt: nil)
        #expect(text.hasPrefix("Entitlements under national-pilot as of 2013-05-31 (2 clients)\nAll data imported.\n"))
        #expect(cells(text, "2012/13") == ["2012/13", "£0.00", "£600,000.00", "£600,000.00", "0", "£0.00"])
        #expect(cells(text, "2013/14") == ["2013/14", "£325.00", "£840,000.00", "£839,675.00", "3", "£975.00"])
        #expect(cells(text, "P01") == ["P01", "D1-completed", "1", "£325.00", "3", "£975.00", "£0.00"])
        #expect(cells(text, "2") == ["2", "1", "£325.00", "3", "£975.00", "£0.00"])
        #expect(text.contains("\n1 payable line, 3 pending lines and 0 capped lines.\n"))
        #expect(text.hasSuffix("\n1 exception: parts of outcomes achieved with no assessment in force (see --exceptions)."))
    }

    @Test func everyLineFitsA100ColumnTerminalAtNationalScale() {
        // 12 providers × 10 outcomes × 8,333,333.33 = 999,999,999.60 payable, in one contract year.
        let outcomes = contract.outcomes.map(\.id)
        var lines: [Entitlement] = []
        for provider in (1...12).map({ ProviderID("P" + ($0 < 10 ? "0" : "") + String($0)) }) {
            for (index, outcome) in outcomes.enumerated() {
                for (part, status) in [(1, Entitlement.Status.payable), (2, .pending), (3, .capped)] {
                    lines.append(Entitlement(
                        providerID: provider, earnedBy: provider, clientID: ClientID("C\(index)"), outcomeID: outcome,
                        part: part, band: Band(5)!, achievedOn: day("2013-01-01"), dueOn: day("2013-01-01"),
                        earnsOn: day("2013-01-01"), amount: status == .pending ? .zero : Money("8333333.33"),
                        status: status, reason: "", pendingAmount: status == .pending ? Money("8333333.33") : .zero))
                }
            }
        }
        let report = EntitlementReport(asOf: day("2016-12-31"), lines: lines, exceptions: [], clientsEvaluated: 1_234_567)
        let text = SummaryText.render(report, contract: contract, knownAt: Moment(iso: "2016-12-31T23:59:59+00:00"))
        #expect(text.contains("£1,999,999,999.20"))  // payable and capped in 2012/13
        let widest = text.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= 100)
    }
}
