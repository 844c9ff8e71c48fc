import Hummingbird

/// The browser session's cookie and the sign-in form's CSRF cookie: HttpOnly, SameSite, and Secure when
/// the server sits behind TLS.
enum SessionCookie {
    static let name = "pbr_session"
    /// The sign-in form's token, compared with the form's hidden field (there is no session yet to hold it).
    static let signInCSRF = "pbr_signin_csrf"

    static func session(_ secret: String, seconds: Int64, secure: Bool) -> Cookie {
        Cookie(name: name, value: secret, maxAge: Int(seconds), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func signInToken(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: signInCSRF, value: token, maxAge: 3600, path: "/sign-in", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func expired(_ cookieName: String, path: String = "/", secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .lax)
    }
}
