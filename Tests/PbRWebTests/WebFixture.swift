import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Logging
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
@testable import PbRWeb

/// The small example's store with its statements issued to 2014-07 (P01 treats A001 and A003, P02 A002,
/// P03 A004 after P02), served in-process; a user of each role with an API token and a browser session.
struct WebFixture {
    let environment: WebEnvironment
    let pool: StorePool
    /// By role name: "admin", "commissioner", "provider" (P01), "otherProvider" (P02), "assessor", "auditor".
    var tokens: [String: String] = [:]
    var sessions: [String: Accounts.Session] = [:]

    static let clock = WallClock.fixed(ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z")!)
    static let password = "correct horse battery"

    /// - Parameter clock: the server's clock (sessions expire by it); default a fixed moment.
    static func make(clock: WallClock = WebFixture.clock) async throws -> WebFixture {
        let (store, location) = try await temporaryStore()
        _ = try await ContractRegistry(store: store).add(Fixtures.referenceContractURL.path, by: "test")
        _ = try await ImportJob(folder: Fixtures.url("small/batch1").path, importedBy: "test").run(into: store)
        _ = try await StatementIssue(contractID: "national-pilot", period: StatementPeriod("2013-05")!, catchingUp: true, issuedBy: "test",
                                     clock: clock).run(on: store)
        _ = try await ImportJob(folder: Fixtures.url("small/batch2").path, importedBy: "test").run(into: store)
        _ = try await StatementIssue(contractID: "national-pilot", period: StatementPeriod("2014-07")!, catchingUp: true, issuedBy: "test",
                                     clock: clock).run(on: store)
        try await store.close()
        var configuration = WebConfiguration()
        configuration.accounts.bcryptCost = 4
        configuration.scenariosFolder = Fixtures.url("scenarios").path
        let pool = try await StorePool(try StoreLocation.parse(location), size: 3)
        var fixture = WebFixture(environment: try WebEnvironment(pool: pool, configuration: configuration, clock: clock), pool: pool)
        let users: [(String, Role, ProviderID?, [String])] = [
            ("admin", .admin, nil, []), ("commissioner", .commissioner, nil, ["national-pilot"]),
            ("provider", .provider, ProviderID("P01"), []), ("otherProvider", .provider, ProviderID("P02"), []),
            ("assessor", .assessor, nil, []), ("auditor", .auditor, nil, []), ("elsewhere", .commissioner, nil, ["kent"]),
        ]
        let accountsConfiguration = configuration.accounts
        try await fixture.environment.pool.withStore { store in
            let accounts = Accounts(store: store, configuration: accountsConfiguration, clock: clock)
            for (name, role, provider, contracts) in users {
                _ = try await accounts.add(name: name, role: role, providerID: provider, contractIDs: contracts, password: password,
                                           as: Accounts.commandLine("test"))
            }
        }
        for (name, _, _, _) in users {
            fixture.tokens[name] = try await fixture.environment.accounts { try await $0.issueToken(name: name, as: Accounts.commandLine("test")) }
            fixture.sessions[name] = try await fixture.environment.accounts { try await $0.signIn(name: name, password: password) }
        }
        return fixture
    }

    var application: some ApplicationProtocol { WebApplication.build(environment, logger: Logger(label: "test")) }

    /// The headers a role's request carries: its API token for the API, its session cookie for a page.
    func headers(_ role: String?, path: String) -> HTTPFields {
        guard let role else { return [:] }
        if path.hasPrefix("/api/") { return [.authorization: "Bearer \(tokens[role]!)"] }
        return [.cookie: "pbr_session=\(sessions[role]!.secret)"]
    }

    func close() async throws { try await pool.close() }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
