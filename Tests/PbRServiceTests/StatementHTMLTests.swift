import Crypto
import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// `pbr statement export --html`: a period's statements as a printable, standalone HTML document that
/// shows every line and total as issued, and every text from the store escaped.
@Suite("StatementHTML")
struct StatementHTMLTests {
    @Test func theJune2013StatementShowsItsClawBackWhatItCorrectsAndTheBalanceCarriedForward() async throws {
        let ledger = try await LedgerFixture.smallExample()
        let issued = try await StatementBook(store: ledger.store).period("national-pilot", StatementPeriod("2013-06")!)
        try await ledger.store.close()
        let html = StatementHTML.render(issued)

        let statement = try #require(issued.statements.first)
        #expect(issued.statements.map(\.id) == ["national-pilot/2013-06/P01"])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        // Standalone and inert: no script, nothing fetched from elsewhere.
        for outside in ["<script", "<link", "src=", "http:", "https:", "@import", "url("] { #expect(!html.contains(outside), "\(outside)") }
        #expect(html.contains("@media print") && html.contains("size: A4") && html.contains("thead { display: table-header-group; }"))

        // The header: contract version and digest, period, payee, number, issue, pin, statement digest.
        #expect(html.contains("<tr><th>Contract</th><td>national-pilot, version 1 (sha256 \(issued.contract.sha256.prefix(12)))</td></tr>"))
        #expect(html.contains("<tr><th>Period</th><td>2013-06 (run as of 2013-06-30)</td></tr>"))
        #expect(html.contains("<tr><th>Payee</th><td>P01</td></tr>"))
        #expect(html.contains("<tr><th>Statement number</th><td>\(statement.number)</td></tr>"))
        #expect(html.contains("<tr><th>Issued</th><td>\(issued.period.issuedAt) by test</td></tr>"))
        #expect(html.contains("<tr><th>Last import</th><td>#2</td></tr>"))
        #expect(html.contains("<tr><th>Known at</th><td>everything imported</td></tr>"))
        #expect(html.contains("sha256 \(statement.digest)</td></tr>"))

        // The claw-back line: an adjustment row, minus sign, its reason and the line it corrects.
        let row = try #require(html.split(separator: "\n").first { $0.hasPrefix("<tr class=\"adjustment\"><td>1</td>") })
        let expected: [String] = [
            "<tr class=\"adjustment\"><td>1</td><td>outcome</td><td>adjustment</td><td>A001</td><td>P01</td><td>D1-abstinent</td>",
            "<td>1</td><td>4</td><td>2013-02-11</td><td>2013-02-11</td><td class=\"amount negative\">-£600.00</td>",
            "<td>no longer owed as of 2013-06-30: D1-abstinent not achieved: no two consecutive reviews far enough apart ",
            "meet the review conditions; the data changed since 2013-02: import #2 (known at 2013-08-06T09:00:00+01:00) replaced top 102",
            "</td><td>national-pilot/2013-02/P01:1</td></tr>",
        ]
        #expect(String(row) == expected.joined())

        // The totals as issued, the balance carried forward said in words, and the sums by outcome and band.
        let t = statement.totals
        #expect(t.net == Money(pence: -60000) && t.payable == .zero && t.carriedForward == t.broughtForward + t.net)
        for (label, amount) in [("Brought forward", t.broughtForward), ("New outcome lines", t.new), ("Adjustments", t.adjustments),
                                ("Block", t.block), ("Attachment fees", t.attachment)] {
            #expect(html.contains("<tr><th>\(label)</th><td class=\"amount\(amount < .zero ? " negative" : "")\">\(amount.sterling)</td></tr>"))
        }
        #expect(html.contains("<tr class=\"total\"><th>Net</th><td class=\"amount negative\">-£600.00</td></tr>"))
        #expect(html.contains("<tr class=\"total\"><th>Payable</th><td class=\"amount\">£0.00</td></tr>"))
        #expect(html.contains("<tr class=\"total\"><th>Carried forward</th><td class=\"amount negative\">\(t.carriedForward.sterling)</td></tr>"))
        #expect(html.contains("The claw-backs exceed what is earned: \(t.carriedForward.sterling) is carried forward and offset against later statements."))
        #expect(html.contains("<tr><td>D1-abstinent</td><td class=\"amount negative\">-£600.00</td></tr>"))
        #expect(html.contains("<tr><td>band 4</td><td class=\"amount negative\">-£600.00</td></tr>"))
        #expect(html.contains("<h2>Disputed amounts</h2>\n<p>None</p>"))
    }

    @Test func everyTextFromTheStoreIsEscaped() {
        let html = StatementHTML.render(Self.handBuilt(reason: "<script>alert(\"paid\") & 'done'</script>", issuedBy: "<b>ops</b>"))
        #expect(!html.contains("<script") && !html.contains("<b>"))
        #expect(html.contains("<td>&lt;script&gt;alert(&quot;paid&quot;) &amp; &#39;done&#39;&lt;/script&gt;</td>"))
        #expect(html.contains("<tr><th>Issued</th><td>2026-12-01T12:00:00Z by &lt;b&gt;ops&lt;/b&gt;</td></tr>"))
        #expect(html.contains("<tr><th>Statement number</th><td>7</td></tr>"))
    }

    @Test func thePayeesDisputesAreListedWithHowTheyStand() {
        var issued = Self.handBuilt(reason: "block for 2013-06", issuedBy: "test")
        let key = LedgerKey(payee: ProviderID("P01"), clientID: ClientID("A001"), outcomeID: OutcomeID("D1-abstinent"), part: 1)
        issued.disputes = [Dispute(line: LineReference(statementID: "c/2013-05/P01", line: 2), payee: ProviderID("P01"), key: key,
                                   amount: Money(pounds: "-600.00")!, reason: "review <re-sent>", heldFrom: StatementPeriod("2013-06")!)]
        let html = StatementHTML.render(issued)
        #expect(html.contains("<tr><td>c/2013-05/P01:2</td><td class=\"amount negative\">-£600.00</td><td>2013-06</td><td>open</td><td>review &lt;re-sent&gt;</td></tr>"))
        #expect(!html.contains("<p>None</p>"))
    }

    @Test func exportWritesTheHTMLAndItsRecordBesideIt() throws {
        let store = try StatementCommandTests().storeWithTheExampleIssued()
        let folder = try Fixtures.temporaryFolder()
        let html = folder.appendingPathComponent("june.html").path, csv = folder.appendingPathComponent("june.csv").path
        let run = try PbRProcess.run(["statement", "export", "--db", store, "--contract", "national-pilot", "--period", "2013-06",
                                      "--html", html])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Wrote 1 line of 1 statement to \(html).\n")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("-£600.00"))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: html + ".json"))) as? [String: Any]
        #expect(record?["file"] as? String == "june.html")
        #expect(record?["rows"] as? Int == 1)
        #expect(record?["as_of"] as? String == "2013-06-30")
        #expect((record?["last_import"] as? [String: Any])?["id"] as? Int == 2)
        #expect(record?["sha256"] as? String == SHA256.hash(data: Array(text.utf8)).hex)
        #expect(!FileManager.default.fileExists(atPath: csv))

        let neither = try PbRProcess.run(["statement", "export", "--db", store, "--contract", "national-pilot", "--period", "2013-06"])
        #expect(neither.status != 0 && neither.stderr.contains("give --csv FILE, --html FILE or both"))
        let same = try PbRProcess.run(["statement", "export", "--db", store, "--contract", "national-pilot", "--period", "2013-06",
                                       "--csv", html, "--html", html])
        #expect(same.status != 0 && same.stderr.contains("--html and --csv name the same file \(html)"))
    }

    /// One statement of one block line, built by hand: contract `c`, period 2013-06, payee P01, no. 7.
    static func handBuilt(reason: String, issuedBy: String) -> StatementBook.Issued {
        let period = StatementPeriod("2013-06")!, id = "c/2013-06/P01"
        let line = StatementLine(statementID: id, line: 1, period: period, providerID: ProviderID("P01"), component: .block, kind: .new,
                                 amount: Money(pence: 1_234_50), reason: reason)
        let totals = StatementTotals(lines: [line], broughtForward: .zero)
        return StatementBook.Issued(
            period: IssuedPeriod(contractID: "c", period: period, contractVersion: 1, knownAt: nil, lastImportID: 1,
                                 issuedAt: "2026-12-01T12:00:00Z", issuedBy: issuedBy, inputsDigest: "x"),
            contract: StoredContractVersion(contractID: "c", version: 1, effectiveFrom: period.firstDay, sha256: "ab12", body: "",
                                            source: "c.yaml", addedBy: "test"),
            statements: [StoredStatement(id: id, contractID: "c", period: period, payee: ProviderID("P01"), number: 7, totals: totals,
                                         digest: "d")],
            lines: [line])
    }
}
