import Foundation
import PbRCore
import PbRImport

/// Files the tests read: the reference contract and the hand-checked examples.
public enum Fixtures {
    /// The package's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static let referenceContractURL = root.appendingPathComponent("contracts/national-pilot.yaml")

    /// contracts/national-pilot.yaml, as shipped.
    public static func referenceContract() throws -> Contract { try ContractLoader.load(file: referenceContractURL) }

    /// `Tests/Fixtures/NAME`.
    public static func url(_ name: String) -> URL { root.appendingPathComponent("Tests/Fixtures/" + name) }

    /// A fresh temporary folder for one test, inside this test process's own folder.
    public static func temporaryFolder() throws -> URL {
        let url = testProcessFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Every temporary folder of a test process lives in one, removed when the process exits, so that test
/// runs do not leave extracts and stores behind.
private let testProcessFolder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pbr-test-" + UUID().uuidString)
    atexit { try? FileManager.default.removeItem(at: testProcessFolder) }
    return url
}()

/// Runs a contract over built clients, as of a day, and gives the lines.
public func entitlements(_ contract: Contract, _ clients: [ClientBuilder], asOf: String) -> EntitlementReport {
    EntitlementRun(contract: contract).evaluate(clients.map(\.history), asOf: day(asOf))
}

extension EntitlementReport {
    /// The lines of one outcome, in part order.
    public func lines(_ outcome: String, client: String? = nil) -> [Entitlement] {
        lines.filter { $0.outcomeID.rawValue == outcome && (client == nil || $0.clientID.rawValue == client) }
    }

    /// `amount status` of each line of an outcome, e.g. ["325.00 payable", "0.00 pending"].
    public func amounts(_ outcome: String, client: String? = nil) -> [String] {
        lines(outcome, client: client).map { "\($0.amount) \($0.status.rawValue)" }
    }
}
