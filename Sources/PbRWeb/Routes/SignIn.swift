import HTTPTypes
import Hummingbird
import PbRCore
import PbRService

/// Signing in and out of the pages. Sign-in checks the form's token against its cookie (there is no
/// session yet to hold one), then the rate limit, then the password; sign-out checks the session's token.
enum SignIn {
    struct Form: Decodable {
        var name: String?
        var password: String?
        var csrf: String?
    }

    static func post(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let form = try await Forms.form(Form.self, request, context)
        let name = form.name ?? "", expected = request.cookies[SessionCookie.signInCSRF]?.value ?? ""
        guard Secret.matches(form.csrf ?? "", expected) else {
            throw AccessRefusal.forbidden("the form has expired or did not come from this site: open the sign-in page again")
        }
        let keys = LoginThrottle.keys(name: name, address: context.remoteAddress)
        let wait = await environment.throttle.wait(keys, now: environment.now)
        guard wait == 0 else {
            var response = PageRoutes.signInPage(context, environment, name: name,
                                                 message: "Too many failed attempts: try again in \(Int(wait.rounded(.up) / 60) + 1) minutes.",
                                                 status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
        let password = form.password ?? ""
        guard let session = try await environment.accounts({ try await $0.signIn(name: name, password: password) }) else {
            await environment.throttle.failed(keys, now: environment.now)
            return PageRoutes.signInPage(context, environment, name: name, message: "That name and password do not match a user.",
                                         status: .unauthorized)
        }
        await environment.throttle.succeeded(keys)
        let secure = environment.configuration.secureCookies
        return HTMLReply.redirect("/", cookies: [
            SessionCookie.session(session.secret, seconds: environment.configuration.accounts.sessionSeconds, secure: secure),
            SessionCookie.expired(SessionCookie.signInCSRF, path: "/sign-in", secure: secure),
        ])
    }

    static func signOut(_ request: Request, _ context: WebContext, _ environment: WebEnvironment) async throws -> Response {
        let viewer = try context.signedIn()
        let form = try await Forms.form(Form.self, request, context)
        guard let secret = context.sessionSecret, let csrf = context.csrf, Secret.matches(form.csrf ?? "", csrf) else {
            throw AccessRefusal.forbidden("the form did not come from this session")
        }
        try await environment.accounts { try await $0.signOut(secret: secret, viewer: viewer) }
        return HTMLReply.redirect("/sign-in", cookies: [SessionCookie.expired(SessionCookie.name, secure: environment.configuration.secureCookies)])
    }
}
