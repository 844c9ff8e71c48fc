import HTTPTypes
import Hummingbird
import PbRCore
import PbRService

/// CSV exports, for scripts (the API, with a token) and for the pages (with the session): a statement's
/// lines in DOMAIN.md's statements CSV, and payments to date (`PaymentsCSV`). Each holds only what the
/// viewer may see, as the JSON and the pages do.
enum ExportRoutes {
    static var all: [Route] {
        ["/api/v1", ""].flatMap { prefix -> [Route] in
            let kind: Route.Kind = prefix.isEmpty ? .page : .api
            return [
                Route(method: .get, path: prefix + "/contracts/:contract/statements/:period/:payee/lines.csv",
                      summary: "A statement's lines as DOMAIN.md's statements CSV (a subcontractor: only the lines it earned)",
                      kind: kind, access: .signedIn, roles: APIRoutes.readers, responses: [(200, "the CSV")],
                      produces: "text/csv") { _, context, environment in
                    let (id, period, payee) = try APIRoutes.statementKey(context)
                    let csv = try await environment.ledger(try context.signedIn()) { try await $0.statementCSV(id, period: period, payee: payee) }
                    return CSVReply.response(csv, filename: "\(id)-\(period)-\(payee).csv")
                },
                Route(method: .get, path: prefix + "/contracts/:contract/payments.csv",
                      summary: "Payments to date as CSV: by payee, outcome, band and month (by, key, lines, amount)",
                      kind: kind, access: .signedIn, roles: APIRoutes.readers, responses: [(200, "the CSV")],
                      produces: "text/csv") { _, context, environment in
                    let id = try context.parameters.require("contract")
                    let csv = try await environment.ledger(try context.signedIn()) { try await $0.paymentsCSV(id) }
                    return CSVReply.response(csv, filename: "\(id)-payments.csv")
                },
            ]
        }
    }
}
