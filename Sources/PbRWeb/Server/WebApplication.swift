import Hummingbird
import Logging
import PbRService
import PbRStore

/// Builds the web application: one router from the route table, the error and sign-in middleware,
/// and the application with its long-running services (the session sweeper) beside the server.
public enum WebApplication {
    /// The router, with every route of `RouteTable` registered.
    public static func router(_ environment: WebEnvironment) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: WebErrors(environment: environment))
        router.add(middleware: SignInMiddleware(environment: environment))
        for route in RouteTable.all {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                if route.access == .signedIn, context.viewer == nil {
                    throw AccessRefusal.unauthorised("sign in first: a session, or Authorization: Bearer TOKEN")
                }
                return try await route.handler(request, context, environment)
            }
        }
        return router
    }

    /// The application: the server on `configuration`'s address, and the sweeper of expired sessions.
    public static func build(_ environment: WebEnvironment, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(environment),
            configuration: .init(address: .hostname(environment.configuration.host, port: environment.configuration.port),
                                 serverName: "PbR"),
            services: [SessionSweeper(pool: environment.pool, clock: environment.clock, logger: logger)],
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then shuts the server and its services down gracefully: requests
    /// in flight finish first.
    public static func serve(_ environment: WebEnvironment, logger: Logger) async throws {
        try await build(environment, logger: logger).runService()
    }

    /// The routes the application registers, as "METHOD /path" (for the OpenAPI check).
    public static func registeredRoutes(_ environment: WebEnvironment) -> [String] {
        router(environment).routes.map { "\($0.method.rawValue) \($0.path)" }
    }
}
