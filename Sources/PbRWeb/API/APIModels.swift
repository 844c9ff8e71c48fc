import PbRCore
import PbRStore

/// The API's bodies. Money is integer pence (`*_pence`); days are `YYYY-MM-DD`. Each is `Decodable` only so that
/// `/openapi.json` can describe it from its type (`ResponseSchema`).
struct APIContract: Codable {
    var id: String
    var versions: [APIContractVersion]
}

struct APIContractVersion: Codable {
    var version: Int
    var effectiveFrom: String
    var sha256: String
    var source: String
    var addedAt: String

    init(_ stored: StoredContractVersion) {
        version = stored.version; effectiveFrom = stored.effectiveFrom.description; sha256 = stored.sha256
        source = stored.source; addedAt = stored.addedAt
    }
}

struct APIStatement: Codable {
    var id: String
    var contract: String
    var period: String
    var payee: String
    var number: Int
    var newPence: Int64
    var adjustmentsPence: Int64
    var blockPence: Int64
    var attachmentPence: Int64
    var heldPence: Int64
    var payablePence: Int64
    var carriedForwardPence: Int64

    init(_ statement: StoredStatement) {
        id = statement.id; contract = statement.contractID; period = statement.period.description; payee = statement.payee.rawValue
        number = statement.number
        let totals = statement.totals
        newPence = totals.new.pence; adjustmentsPence = totals.adjustments.pence; blockPence = totals.block.pence
        attachmentPence = totals.attachment.pence; heldPence = totals.held.pence; payablePence = totals.payable.pence
        carriedForwardPence = totals.carriedForward.pence
    }
}

struct APILine: Codable {
    var statement: String
    var line: Int
    var payee: String
    var earnedBy: String?
    var client: String?
    var component: String
    var outcome: String?
    var part: Int?
    var band: Int?
    var achievedOn: String?
    var dueOn: String?
    var kind: String
    var amountPence: Int64
    var reason: String
    var refersTo: [String]

    init(_ line: StatementLine) {
        statement = line.statementID; self.line = line.line; payee = line.providerID.rawValue; earnedBy = line.earnedBy?.rawValue
        client = line.clientID?.rawValue; component = line.component.rawValue; outcome = line.outcomeID?.rawValue; part = line.part
        band = line.band?.value; achievedOn = line.achievedOn?.description; dueOn = line.dueOn?.description; kind = line.kind.rawValue
        amountPence = line.amount.pence; reason = line.reason; refersTo = line.refersTo.map(\.description)
    }
}

struct APIStatementWithLines: Codable {
    var statements: [APIStatement]
    var lines: [APILine]
}

struct APIUser: Codable {
    var name: String
    var role: String
    var provider: String?
    var contracts: [String]
    var disabled: Bool
    var createdAt: String
    var createdBy: String

    init(_ user: StoredUser) {
        name = user.name; role = user.role.rawValue; provider = user.providerID?.rawValue; contracts = user.contractIDs
        disabled = user.disabled; createdAt = user.createdAt; createdBy = user.createdBy
    }
}

struct APIPayments: Codable {
    struct Sum: Codable { var key: String; var amountPence: Int64; var lines: Int }
    struct Month: Codable { var period: String; var amountPence: Int64 }
    var contract: String
    var totalPence: Int64
    var byPayee: [Sum]
    var byOutcome: [Sum]
    var byBand: [Sum]
    var byMonth: [Month]

    init(contract: String, _ payments: PaymentsToDate) {
        func sums(_ list: [PaymentsToDate.Sum]) -> [Sum] { list.map { Sum(key: $0.key, amountPence: $0.amount.pence, lines: $0.lines) } }
        self.contract = contract; totalPence = payments.total.pence
        byPayee = sums(payments.byPayee); byOutcome = sums(payments.byOutcome); byBand = sums(payments.byBand)
        byMonth = payments.byMonth.map { Month(period: $0.period.description, amountPence: $0.amount.pence) }
    }
}

struct APIAuditEntry: Codable {
    var sequence: Int
    var at: String
    var actor: String
    var action: String
    var subject: String
    var detail: String
    var digest: String

    init(_ entry: AuditEntry) {
        sequence = entry.sequence; at = entry.at; actor = entry.actor; action = entry.action; subject = entry.subject
        detail = entry.detail; digest = entry.digest
    }
}
