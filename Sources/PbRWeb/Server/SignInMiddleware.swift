import PbRStore
import Hummingbird
import PbRService

/// Works out who is asking: the API from `Authorization: Bearer TOKEN` only, the pages from the session
/// cookie only (so that a page's ambient cookie never reaches the API, which has no CSRF token to check).
struct SignInMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let environment: WebEnvironment

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if WebErrors.wantsJSON(request.uri.path) {
            if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
                let token = String(header.dropFirst("Bearer ".count))
                context.viewer = try await environment.accounts { try await $0.authenticate(secret: token, kind: .token) }?.viewer
            }
        } else if let secret = request.cookies[SessionCookie.name]?.value, !secret.isEmpty,
                  let found = try await environment.accounts({ try await $0.authenticate(secret: secret, kind: .session) }) {
            context.viewer = found.viewer
            context.csrf = found.csrf
            context.sessionSecret = secret
        }
        return try await next(request, context)
    }
}
