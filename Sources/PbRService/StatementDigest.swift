import Crypto
import PbRCore
import PbRImport
import PbRStore

/// The digests that let `pbr statement verify` prove a statement unchanged: of a statement (its lines
/// as exported, and its totals) and of what a period's run read (contract versions, cut-off, import).
enum StatementDigest {
    static func of(_ lines: [StatementLine], totals: StatementTotals) -> String {
        let t = totals
        let text = StatementCSV.render(lines) + "totals," + [t.broughtForward, t.new, t.adjustments, t.block, t.attachment,
                                                             t.net, t.held, t.payable, t.carriedForward].map(\.description).joined(separator: ",")
        return SHA256.hash(data: Array(text.utf8)).hex
    }

    static func inputs(contractID: String, versions: [StoredContractVersion], period: StatementPeriod, knownAt: Moment?,
                       lastImport: (id: Int, digest: String)?) -> String {
        let text = [
            "pbr statement inputs 1", "contract \(contractID)", "versions " + versions.map { "\($0.version):\($0.sha256)" }.joined(separator: " "),
            "period \(period)", "known_at \(knownAt?.text ?? "")", "last_import \(lastImport.map { "\($0.id) \($0.digest)" } ?? "none")",
        ].joined(separator: "\n")
        return SHA256.hash(data: Array(text.utf8)).hex
    }
}
