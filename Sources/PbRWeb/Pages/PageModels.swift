import Foundation
import PbRCore
import PbRService
import PbRStore

/// What the overview template shows.
struct OverviewModel {
    struct Contract { var id: String }
    struct Sum { var key: String; var lines: Int; var amount: String }
    struct StatementRow { var period: String; var payee: String; var number: Int; var payable: String; var link: String }

    var contract: String?
    var others: [Contract]
    var hasOthers: Bool
    var provider: String?
    var total = ""
    var chart = ""
    var byPayee: [Sum] = []
    var byOutcome: [Sum] = []
    var byBand: [Sum] = []
    var statements: [StatementRow] = []

    init(viewer: Viewer, contracts: [String], id: String? = nil, payments: PaymentsToDate? = nil, statements: [StoredStatement] = []) {
        contract = id
        others = contracts.filter { $0 != id }.map(Contract.init)
        hasOthers = !others.isEmpty
        provider = viewer.providerID?.rawValue
        guard let payments else { return }
        func sums(_ list: [PaymentsToDate.Sum]) -> [Sum] { list.map { Sum(key: $0.key, lines: $0.lines, amount: $0.amount.sterling) } }
        total = payments.total.sterling
        chart = PaymentsChart.svg(payments)
        byPayee = sums(payments.byPayee); byOutcome = sums(payments.byOutcome); byBand = sums(payments.byBand)
        self.statements = statements.reversed().map { statement in
            StatementRow(period: statement.period.description, payee: statement.payee.rawValue, number: statement.number,
                         payable: statement.totals.payable.sterling,
                         link: "/contracts/\(PathText.escape(statement.contractID))/statements/\(statement.period)/\(PathText.escape(statement.payee.rawValue))")
        }
    }
}

/// What the statement template shows: the header, the totals and every line with its reason.
struct StatementModel {
    struct Total { var name: String; var amount: String }
    struct Line {
        var line: Int; var kind: String; var client: String; var earnedBy: String; var outcome: String; var part: String
        var band: String; var achievedOn: String; var dueOn: String; var amount: String; var reason: String
        /// The client's explanation as of the statement's last day; none for a line with no client.
        var explanation: String?
        /// The client's journey page.
        var clientLink: String?
    }

    var id: String
    var contract: String
    var version: Int
    var period: String
    var payee: String
    var issuedAt: String
    var issuedBy: String
    var lastImport: Int
    var share: String?
    var totals: [Total]
    var lines: [Line]
    /// The lines as DOMAIN.md's statements CSV.
    var csv = ""

    init(_ issued: StatementBook.Issued, viewer: Viewer) {
        let statement = issued.statements[0]
        id = statement.id; contract = statement.contractID; version = issued.contract.version; period = statement.period.description
        payee = statement.payee.rawValue; issuedAt = issued.period.issuedAt; issuedBy = issued.period.issuedBy
        lastImport = issued.period.lastImportID
        share = viewer.role == .provider && viewer.providerID != statement.payee ? viewer.providerID?.rawValue : nil
        let t = statement.totals
        totals = [("Brought forward", t.broughtForward), ("New outcomes", t.new), ("Adjustments", t.adjustments), ("Block", t.block),
                  ("Attachment fees", t.attachment), ("Net", t.net), ("Held (disputed)", t.held), ("Payable", t.payable),
                  ("Carried forward", t.carriedForward)].map { Total(name: $0.0, amount: $0.1.sterling) }
        lines = issued.lines.map { line in
            Line(line: line.line, kind: line.kind.rawValue, client: line.clientID?.rawValue ?? "", earnedBy: line.earnedBy?.rawValue ?? "",
                 outcome: line.outcomeID?.rawValue ?? line.component.rawValue, part: line.part.map(String.init) ?? "",
                 band: line.band.map { String($0.value) } ?? "", achievedOn: line.achievedOn?.description ?? "",
                 dueOn: line.dueOn?.description ?? "", amount: line.amount.sterling, reason: line.reason,
                 explanation: line.clientID.map { ExplanationModel.link(contract: statement.contractID, client: $0.rawValue, period: statement.period) },
                 clientLink: line.clientID.map { "/contracts/\(PathText.escape(statement.contractID))/clients/\(PathText.escape($0.rawValue))" })
        }
        csv = "/contracts/\(PathText.escape(statement.contractID))/statements/\(statement.period)/\(PathText.escape(statement.payee.rawValue))/lines.csv"
    }
}

/// A path segment made safe for a link.
enum PathText {
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/"))) ?? text
    }
}
