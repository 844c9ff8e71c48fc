import ArgumentParser
import Foundation
import Logging
import PbRService
import PbRStore
import PbRWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application: the JSON API (/api/v1, described at /openapi.json) and the pages.",
        discussion: """
            With no --db (and no PBR_DATABASE_URL) it serves the demo database, demo/pbr.sqlite, building it first with \
            `pbr demo` when it is not there, and adds a first admin user whose password it prints. Stops gracefully on \
            SIGINT or SIGTERM: requests in flight finish first.
            """)

    @Option(help: "The store: a SQLite file or postgres://... Default: $PBR_DATABASE_URL, else the demo database.")
    var db: String?

    /// `--db`, else `$PBR_DATABASE_URL`.
    private var store: String? { db ?? ProcessInfo.processInfo.environment["PBR_DATABASE_URL"] }

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Mark session cookies Secure: when the server is reached through TLS (a proxy in front).") var secureCookies = false
    @Option(help: "The demo's folder, when no --db is given.") var demoDir = "demo"
    @Option(help: "The folder of scenarios (YAML) the simulation page offers.") var scenarios = "scenarios"

    func run() async throws {
        let location = try await storeLocation()
        let pool = try await StorePool(location, size: 4)
        var configuration = WebConfiguration()
        configuration.host = host; configuration.port = port; configuration.secureCookies = secureCookies
        configuration.scenariosFolder = scenarios
        let environment = try WebEnvironment(pool: pool, configuration: configuration)
        if store == nil, let password = try await pool.withStore({ try await Accounts(store: $0).firstAdmin(as: Accounts.commandLine(currentUser)) }) {
            print("Added the demo's first user: sign in at http://\(host):\(port)/sign-in as admin with password \(password)")
            print("(more users: swift run pbr users add NAME --role ROLE --db \(location))")
        }
        var logger = Logger(label: "pbr.serve")
        logger.logLevel = .info
        print("Serving \(location) on http://\(host):\(port)/ (API: /api/v1, described at /openapi.json). Ctrl-C stops.")
        fflush(nil)  // every stream: the password and address now, not when the server stops, when the output is a file or pipe
        do {
            try await WebApplication.serve(environment, logger: logger)
        } catch {
            try? await pool.close()
            throw error
        }
        try await pool.close()
    }

    /// The store to serve: the one given, else the demo's, made by `pbr demo` when it is not there yet.
    private func storeLocation() async throws -> StoreLocation {
        if let store { return try StoreLocation.parse(store) }
        let path = URL(fileURLWithPath: demoDir).appendingPathComponent("pbr.sqlite").path
        if !FileManager.default.fileExists(atPath: path) {
            print("No --db given and no demo database at \(path): building it with `pbr demo --dir \(demoDir)` first.")
            let demo = try DemoCommand.parse(["--dir", demoDir])
            try await demo.run()
        }
        return .sqlite(path: path)
    }
}
