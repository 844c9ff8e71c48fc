import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRCore
import PbRService
@testable import PbRWeb
import Testing

/// Every route with every role (and no one signed in): the status each gets, and what the body must and
/// must not hold. The table must name every route the application registers, so a new route without
/// its expectations fails here. Paths are written as the router reports them (`{contract}`).
@Suite("Authorisation: every route with every role")
struct AuthorisationTests {
    static let roles: [String?] = ["admin", "commissioner", "provider", "assessor", "auditor", nil]
    static let readers: Set<String> = ["admin", "commissioner", "provider", "auditor"]

    struct Expectation: Sendable {
        var status: Int
        var contains: String
        var absent: [String] = []
    }

    struct Case: Sendable {
        var uri: String
        var body: String?
        var expect: @Sendable (String?) -> Expectation
    }

    /// For routes the ledger's readers may use: 200 with `found` for them, 403 for the assessor, and
    /// 401 (API) or a redirect to sign in (page) for no one.
    static func ledger(_ uri: String, found: String, providerAbsent: [String] = []) -> Case {
        Case(uri: uri) { role in
            guard let role else { return uri.hasPrefix("/api/") ? Expectation(status: 401, contains: "unauthorised") : Expectation(status: 303, contains: "") }
            if role == "assessor" { return Expectation(status: 403, contains: "does not read the ledger") }
            return Expectation(status: 200, contains: found, absent: role == "provider" ? providerAbsent : [])
        }
    }

    /// For routes of one or two roles: 200 (or `status`) for them, 403 for the rest, 401 for no one.
    static func only(_ allowed: Set<String>, _ uri: String, body: String? = nil, status: Int = 200, found: String) -> Case {
        Case(uri: uri, body: body) { role in
            guard let role else { return Expectation(status: 401, contains: "unauthorised") }
            return allowed.contains(role) ? Expectation(status: status, contains: found) : Expectation(status: 403, contains: "forbidden")
        }
    }

    static let cases: [String: Case] = [
        "GET /openapi.json": Case(uri: "/openapi.json") { _ in Expectation(status: 200, contains: #""openapi":"3.0.3""#) },
        "GET /api/v1/contracts": ledger("/api/v1/contracts", found: "national-pilot"),
        "GET /api/v1/contracts/{contract}": ledger("/api/v1/contracts/national-pilot", found: #""effective_from":"2012-04-01""#),
        "GET /api/v1/providers": ledger("/api/v1/providers", found: "P01", providerAbsent: ["P02", "P03"]),
        "GET /api/v1/contracts/{contract}/statements": ledger("/api/v1/contracts/national-pilot/statements?per_page=500",
                                                              found: "national-pilot/2012-11/P01", providerAbsent: ["/P02", "/P03"]),
        "GET /api/v1/contracts/{contract}/statements/{period}/{payee}": ledger("/api/v1/contracts/national-pilot/statements/2012-11/P01",
                                                                            found: #""client":"A001""#),
        "GET /api/v1/contracts/{contract}/clients/{client}/explanation": ledger(
            "/api/v1/contracts/national-pilot/clients/A001/explanation?as_of=2014-07-31", found: "D1-completed"),
        "GET /api/v1/contracts/{contract}/payments": ledger("/api/v1/contracts/national-pilot/payments", found: #""key":"P01""#,
                                                           providerAbsent: ["P02", "P03", "A002", "A004"]),
        "GET /api/v1/users": only(["admin"], "/api/v1/users", found: "otherProvider"),
        "POST /api/v1/users": only(["admin"], "/api/v1/users", body: #"{"name":"new-user","role":"auditor","password":"a long enough password"}"#,
                                   status: 201, found: #""name":"new-user""#),
        "POST /api/v1/users/{name}/disable": only(["admin"], "/api/v1/users/elsewhere/disable", found: #""disabled":true"#),
        "GET /api/v1/audit": only(["admin", "auditor"], "/api/v1/audit", found: "user.add"),
        "GET /sign-in": Case(uri: "/sign-in") { _ in Expectation(status: 200, contains: "<h1>Sign in</h1>") },
        // Without the form's token: refused whoever asks.
        "POST /sign-in": Case(uri: "/sign-in", body: "name=admin&password=x") { _ in Expectation(status: 403, contains: "form has expired") },
        "POST /sign-out": Case(uri: "/sign-out", body: "csrf=wrong") { role in
            role == nil ? Expectation(status: 303, contains: "") : Expectation(status: 403, contains: "did not come from this session")
        },
        "GET /": Case(uri: "/") { role in
            // The assessor's home is the assessments.
            role == "assessor" ? Expectation(status: 303, contains: "")
                : ledger("/", found: "Payments to date: national-pilot", providerAbsent: [">P02<", ">P03<"]).expect(role)
        },
        "GET /contracts/{contract}/statements/{period}/{payee}": ledger("/contracts/national-pilot/statements/2012-11/P01", found: ">A001</a></td>"),
        "GET /contracts/{contract}/clients/{client}/explanation": ledger("/contracts/national-pilot/clients/A001/explanation?as_of=2014-07-31",
                                                                        found: "<h3>D1-completed</h3>"),
        "GET /api/v1/contracts/{contract}/clients": ledger("/api/v1/contracts/national-pilot/clients", found: #""client":"A001""#,
                                                           providerAbsent: ["A002", "A004", "P02", "P03"]),
        "GET /api/v1/contracts/{contract}/clients/{client}/journey": ledger(
            "/api/v1/contracts/national-pilot/clients/A001/journey?as_of=2014-07-31", found: #""outcome":"D1-completed""#),
        "GET /api/v1/contracts/{contract}/clients/{client}/entitlements": ledger(
            "/api/v1/contracts/national-pilot/clients/A001/entitlements?as_of=2014-07-31", found: #""outcome":"D4-hepb-course""#),
        "GET /api/v1/contracts/{contract}/entitlements": ledger("/api/v1/contracts/national-pilot/entitlements?per_page=500",
                                                               found: #""client":"A001""#, providerAbsent: ["A002", "A004", "P02", "P03"]),
        "GET /contracts/{contract}/clients": ledger("/contracts/national-pilot/clients", found: ">A001</a>", providerAbsent: [">A002<", ">A004<"]),
        "GET /contracts/{contract}/clients/{client}": ledger("/contracts/national-pilot/clients/A001?as_of=2014-07-31", found: "<svg"),
        "GET /api/v1/contracts/{contract}/statements/{period}/{payee}/lines.csv": ledger(
            "/api/v1/contracts/national-pilot/statements/2012-11/P01/lines.csv", found: ",A001,outcome,D4-hepb-course,1,4,"),
        "GET /contracts/{contract}/statements/{period}/{payee}/lines.csv": ledger(
            "/contracts/national-pilot/statements/2012-11/P01/lines.csv", found: ",A001,outcome,D4-hepb-course,1,4,"),
        "GET /api/v1/contracts/{contract}/payments.csv": ledger("/api/v1/contracts/national-pilot/payments.csv", found: "payee,P01,",
                                                                providerAbsent: ["P02", "P03"]),
        "GET /contracts/{contract}/payments.csv": ledger("/contracts/national-pilot/payments.csv", found: "payee,P01,", providerAbsent: ["P02", "P03"]),
        "GET /api/v1/imports": ledger("/api/v1/imports", found: #""items":["#),
        "GET /imports": ledger("/imports", found: "<h1>Extracts</h1>"),
        // Each role's extract differs (its source names the role), so each is a new import: 201.
        "POST /api/v1/imports": only(["admin", "provider"], "/api/v1/imports",
                                     body: Multipart.body(files: [Multipart.extractYAML(source: "new-user")]), status: 201, found: #""code":"imported""#),
        // Without the form's token: refused to those who may upload, forbidden to the others.
        "POST /imports": Case(uri: "/imports", body: Multipart.body(files: [Multipart.extractYAML(source: "new-user")], fields: [("csrf", "wrong")])) { role in
            guard let role else { return Expectation(status: 303, contains: "") }
            return ["admin", "provider"].contains(role) ? Expectation(status: 403, contains: "did not come from this session")
                : Expectation(status: 403, contains: "uploaded by an admin or a provider")
        },
    ].merging(assessmentCases) { first, _ in first }.merging(resultCases) { $1 }

    /// What a role gets: `allowed` roles 200 (or `status`) with `found`; `refused` roles their status and
    /// message; no one 401 (API) or a redirect to sign in (page).
    static func results(_ uri: String, body: String? = nil, status: Int = 200, found: String, allowed: Set<String>,
                        refused: [String: (Int, String)], providerAbsent: [String] = []) -> Case {
        Case(uri: uri, body: body) { role in
            guard let role else { return uri.hasPrefix("/api/") ? Expectation(status: 401, contains: "unauthorised") : Expectation(status: 303, contains: "") }
            if allowed.contains(role) { return Expectation(status: status, contains: found, absent: role == "provider" ? providerAbsent : []) }
            let (code, message) = refused[role] ?? (403, "forbidden")
            return Expectation(status: code, contains: message)
        }
    }

    /// The stored results' routes (diagnostics, proofing, simulation). Before the table is tried, the
    /// commissioner has run the diagnostics and simulation run 1 (`keepResults`).
    static let resultCases: [String: Case] = {
        let everyone: Set<String> = ["admin", "commissioner", "provider", "assessor", "auditor"]
        let notProvider = ["provider": (403, "diagnostics are for the contract's commissioner, admins and auditors"),
                           "assessor": (403, "diagnostics are for the contract's commissioner, admins and auditors")]
        let simulationReaders = ["assessor": (403, "does not simulate contracts"), "provider": (404, "no simulation run 1")]
        // A page's form is checked against the session first, whoever sends it.
        let form = Case(uri: "", body: "csrf=wrong&contract=national-pilot") { role in
            role == nil ? Expectation(status: 303, contains: "") : Expectation(status: 403, contains: "did not come from this session")
        }
        var diagnosticsForm = form, simulationForm = form
        diagnosticsForm.uri = "/diagnostics"; simulationForm.uri = "/simulations"
        return [
            "GET /api/v1/contracts/{contract}/diagnostics": results("/api/v1/contracts/national-pilot/diagnostics", found: #""diagnostics_file":{"#,
                                                                   allowed: ["admin", "commissioner", "auditor"], refused: notProvider),
            "POST /api/v1/contracts/{contract}/diagnostics": results(
                "/api/v1/contracts/national-pilot/diagnostics", body: #"{"as_of":"2014-07-31"}"#, status: 201, found: #""diagnostics_file":{"#,
                allowed: ["admin", "commissioner"], refused: ["provider": (403, "run by the contract's commissioner or an admin"),
                                                              "auditor": (403, "run by the contract's commissioner or an admin"),
                                                              "assessor": (403, "run by the contract's commissioner or an admin")]),
            "GET /diagnostics": results("/diagnostics", found: "Run #1, as of 2014-07-31", allowed: ["admin", "commissioner", "auditor"],
                                        refused: notProvider.mapValues { ($0.0, "commissioner, admins and auditors") }),  // the page escapes 
            "POST /diagnostics": diagnosticsForm,
            "GET /api/v1/contracts/{contract}/proof": results("/api/v1/contracts/national-pilot/proof", found: #""most_pence":"#,
                                                              allowed: everyone.subtracting(["assessor"]),
                                                              refused: ["assessor": (403, "does not proof contracts")]),
            "GET /proofing": results("/proofing", found: "profiles proofed", allowed: everyone.subtracting(["assessor"]),
                                     refused: ["assessor": (403, "does not read the ledger")]),
            "GET /api/v1/contracts/{contract}/simulations": results(
                "/api/v1/contracts/national-pilot/simulations", found: #""items":["#, allowed: everyone.subtracting(["assessor"]),
                refused: ["assessor": (403, "does not simulate contracts")], providerAbsent: [#""run":1"#]),
            "POST /api/v1/contracts/{contract}/simulations": results(
                "/api/v1/contracts/national-pilot/simulations", body: #"{"scenario":"small","runs":2,"seed":1}"#, status: 201,
                found: #""runs_csv":"run,provider_id"#, allowed: ["admin", "commissioner", "provider"],
                refused: ["auditor": (403, "are run by its commissioner, an admin or a provider"), "assessor": (403, "does not simulate contracts")]),
            "GET /api/v1/contracts/{contract}/simulations/{run}": results(
                "/api/v1/contracts/national-pilot/simulations/1", found: #""scenario":"small""#, allowed: ["admin", "commissioner", "auditor"],
                refused: simulationReaders),
            "GET /simulations": results("/simulations", found: "Runs kept", allowed: everyone.subtracting(["assessor"]),
                                        refused: ["assessor": (403, "does not read the ledger")], providerAbsent: [#"href="/simulations/1""#]),
            "POST /simulations": simulationForm,
            "GET /simulations/{run}": results("/simulations/1", found: "Cash-flow gap", allowed: ["admin", "commissioner", "auditor"],
                                              refused: simulationReaders),
        ]
    }()

    /// The results the routes that show them need: a diagnostics run and a simulation run, by the commissioner.
    static func keepResults(_ fixture: WebFixture) async throws {
        let commissioner = Viewer(name: "commissioner", role: .commissioner, contractIDs: ["national-pilot"])
        _ = try await fixture.environment.diagnostics(commissioner) { try await $0.run("national-pilot", asOf: Day(iso: "2014-07-31")!) }
        let shelf = fixture.environment.scenarios, limits = fixture.environment.configuration.simulationLimits
        _ = try await fixture.environment.simulations(commissioner) {
            try await $0.start("national-pilot", .init(scenario: "small", runs: 2, seed: 1), shelf: shelf, limits: limits)
        }
    }

    @Test func theTableNamesEveryRegisteredRoute() async throws {
        let fixture = try await WebFixture.make()
        let registered = Set(WebApplication.registeredRoutes(fixture.environment))
        try await fixture.close()
        #expect(registered == Set(Self.cases.keys))
    }

    @Test func everyRouteWithEveryRole() async throws {
        let fixture = try await WebFixture.make()
        try await Self.keepResults(fixture)
        try await fixture.application.test(.router) { client in
            for (route, test) in Self.cases.sorted(by: { $0.key < $1.key }) {
                let method = HTTPRequest.Method(rawValue: String(route.split(separator: " ")[0]))!
                for role in Self.roles {
                    var headers = fixture.headers(role, path: test.uri)
                    if let body = test.body {
                        headers[.contentType] = body.hasPrefix("{") ? "application/json"
                            : body.hasPrefix("--") ? Multipart.contentType : "application/x-www-form-urlencoded"
                    }
                    let expected = test.expect(role)
                    let body = test.body.map { ByteBuffer(string: $0.replacingOccurrences(of: "new-user", with: "new-\(role ?? "anyone")")) }
                    let response = try await client.execute(uri: test.uri, method: method, headers: headers, body: body)
                    let who = role ?? "no one"
                    #expect(Int(response.status.code) == expected.status, "\(route) as \(who): \(response.status) \(response.text.prefix(300))")
                    let text = response.text.replacingOccurrences(of: "new-\(role ?? "anyone")", with: "new-user")
                    #expect(expected.contains.isEmpty || text.contains(expected.contains), "\(route) as \(who): \(text.prefix(300))")
                    for absent in expected.absent { #expect(!text.contains(absent), "\(route) as \(who) shows \(absent)") }
                    if expected.status == 303 {
                        let home = role == "assessor" && route == "GET /" ? "/assessments" : "/sign-in"
                        #expect(response.headers[.location] == home || route == "POST /sign-in")
                    }
                }
            }
        }
        try await fixture.close()
    }
}
