import PbRService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRWeb
import Testing

/// Signing in through the form: the form's token, the session cookie's attributes, sign-out ending the
/// session, and the rate limit on failed attempts.
@Suite("Signing in and out")
struct SignInTests {
    /// The sign-in form's token, from its page, with the cookie that must come back with it.
    func form(_ client: some TestClientProtocol) async throws -> (csrf: String, cookie: String) {
        let page = try await client.execute(uri: "/sign-in", method: .get)
        let cookie = page.headers[.setCookie] ?? ""
        let csrf = page.text.components(separatedBy: #"name="csrf" value=""#)[1].prefix(64)
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        return (String(csrf), String(cookie.split(separator: ";")[0]))
    }

    func post(_ client: some TestClientProtocol, name: String, password: String, token: (csrf: String, cookie: String)) async throws -> TestResponse {
        let body = "name=\(name)&password=\(password.replacingOccurrences(of: " ", with: "+"))&csrf=\(token.csrf)"
        return try await client.execute(uri: "/sign-in", method: .post,
                                        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: token.cookie],
                                        body: ByteBuffer(string: body))
    }

    @Test func aUserSignsInSeesTheOverviewAndSignsOut() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let signedIn = try await post(client, name: "commissioner", password: WebFixture.password, token: try await form(client))
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/")
            let setCookie = signedIn.headers[values: .setCookie].first { $0.hasPrefix("pbr_session=") } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            let session = String(setCookie.split(separator: ";")[0])
            let overview = try await client.execute(uri: "/", method: .get, headers: [.cookie: session])
            #expect(overview.status == .ok && overview.text.contains("commissioner (commissioner)") && overview.text.contains("<svg"))
            let csrf = overview.text.components(separatedBy: #"name="csrf" value=""#)[1].prefix(64)
            let out = try await client.execute(uri: "/sign-out", method: .post,
                                               headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(out.status == .seeOther && out.headers[.location] == "/sign-in")
            let after = try await client.execute(uri: "/", method: .get, headers: [.cookie: session])
            #expect(after.status == .seeOther, "the session ended")
        }
        try await fixture.close()
    }

    @Test func aFormWithoutItsCookieIsRefused() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let token = try await form(client)
            let forged = try await post(client, name: "admin", password: WebFixture.password, token: (token.csrf, "pbr_signin_csrf=other"))
            #expect(forged.status == .forbidden)
            #expect(forged.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("pbr_session=") })
        }
        try await fixture.close()
    }

    @Test func failedAttemptsAreLimited() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            for _ in 1...5 {
                let wrong = try await post(client, name: "auditor", password: "not the password", token: try await form(client))
                #expect(wrong.status == .unauthorized && wrong.text.contains("do not match"))
            }
            let right = try await post(client, name: "auditor", password: WebFixture.password, token: try await form(client))
            #expect(right.status == .tooManyRequests)
            #expect(Int(right.headers[.retryAfter] ?? "") ?? 0 > 0)
            let other = try await post(client, name: "admin", password: WebFixture.password, token: try await form(client))
            #expect(other.status == .seeOther, "another name is not held up by this one's failures")
        }
        try await fixture.close()
    }

    @Test func aDisabledUsersTokenStopsWorking() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let before = try await client.execute(uri: "/api/v1/contracts", method: .get, headers: fixture.headers("auditor", path: "/api/"))
            _ = try await client.execute(uri: "/api/v1/users/auditor/disable", method: .post, headers: fixture.headers("admin", path: "/api/"))
            let after = try await client.execute(uri: "/api/v1/contracts", method: .get, headers: fixture.headers("auditor", path: "/api/"))
            #expect(before.status == .ok && after.status == .unauthorized)
            let cookie = try await client.execute(uri: "/api/v1/contracts", method: .get,
                                                  headers: [.cookie: "pbr_session=\(fixture.sessions["admin"]!.secret)"])
            #expect(cookie.status == .unauthorized, "the API takes no session cookie")
        }
        try await fixture.close()
    }
}
