import PbRStore
import Hummingbird
import PbRService

/// Works out who is asking: the API from `Authorization: Bearer TOKEN` only, the pages from the session
/// cookie only (so that a page's ambient cookie never reaches the API, which has no CSRF token to check).
/// A session in use is renewed (`Accounts.resume`) and its cookie sent again with its new lifetime.
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
                  let found = try await environment.accounts({ try await $0.resume(session: secret) }) {
            context.viewer = found.viewer
            context.csrf = found.csrf
            context.sessionSecret = secret
            var response = try await next(request, context)
            // A renewed session's cookie is sent again with its new lifetime, unless the response sets
            // the cookie itself (signing out expires it).
            if let seconds = found.renewedSeconds, !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(SessionCookie.name + "=") }) {
                response.setCookie(SessionCookie.session(secret, seconds: seconds, secure: environment.configuration.secureCookies))
            }
            return response
        }
        return try await next(request, context)
    }
}
