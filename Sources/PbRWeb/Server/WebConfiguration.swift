import PbRService

/// How the web application runs (`pbr serve`).
public struct WebConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Sessions' cookies marked `Secure`: on when the server is reached through TLS (a proxy in front).
    public var secureCookies = false
    /// Sessions on the store at once.
    public var storeSessions = 4
    public var accounts = Accounts.Configuration()
    /// Sign-in attempts allowed per name or address within `throttleWindowSeconds`.
    public var maxSignInFailures = 5
    public var throttleWindowSeconds = 15.0 * 60
    /// The scenarios the simulation page offers (`pbr serve --scenarios`), and how big a run it makes.
    public var scenariosFolder = "scenarios"
    public var simulationLimits = SimulationLimits()

    public init() {}
}
