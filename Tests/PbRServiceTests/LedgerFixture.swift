import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport

/// A store with the reference contract registered, and the issue use case on a clock fixed in 2026.
struct LedgerFixture {
    let store: JournalStore
    static let clock = WallClock.fixed(ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z")!)

    static func make(contract: URL = Fixtures.referenceContractURL) async throws -> LedgerFixture {
        let (store, _) = try await temporaryStore()
        _ = try await ContractRegistry(store: store).add(contract.path, by: "test")
        return LedgerFixture(store: store)
    }

    func load(_ batch: String) async throws {
        _ = try await ImportJob(folder: Fixtures.url(batch).path, importedBy: "test").run(into: store)
    }

    @discardableResult
    func issue(through period: String, contract: String = "national-pilot", knownAt: Moment? = nil) async throws -> StatementIssue.Result {
        try await StatementIssue(contractID: contract, period: StatementPeriod(period)!, catchingUp: true, knownAt: knownAt,
                                 issuedBy: "test", clock: Self.clock).run(on: store)
    }

    func issue(_ period: String, contract: String = "national-pilot") async throws -> StatementIssue.Result {
        try await StatementIssue(contractID: contract, period: StatementPeriod(period)!, issuedBy: "test", clock: Self.clock).run(on: store)
    }

    /// The small example's two steps (its README): batch 1, then up to 2013-05; batch 2, then up to 2014-07.
    static func smallExample() async throws -> LedgerFixture {
        let ledger = try await make()
        try await ledger.load("small/batch1")
        try await ledger.issue(through: "2013-05")
        try await ledger.load("small/batch2")
        try await ledger.issue(through: "2014-07")
        return ledger
    }

    /// A line as the example's statements.csv writes it.
    static func row(_ line: StatementLine) -> String {
        [line.period.description, line.providerID.rawValue, line.clientID?.rawValue ?? "", line.outcomeID?.rawValue ?? "",
         line.part.map(String.init) ?? "", line.kind.rawValue, line.amount.description].joined(separator: ",")
    }
}

/// Refusal or store conflict text, for expectations on what a bad request is told.
func refusal(_ body: () async throws -> some Any) async -> String? {
    do { _ = try await body(); return nil } catch { return "\(error)" }
}
