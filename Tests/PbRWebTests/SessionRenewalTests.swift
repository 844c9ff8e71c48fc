import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRService
@testable import PbRWeb
import Testing

/// A clock the test moves on.
final class MovingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date
    init(_ start: Date) { now = start }
    func advance(seconds: Double) { lock.withLock { now += seconds } }
    var wallClock: WallClock { WallClock { [self] in lock.withLock { now } } }
}

/// Sliding expiry: a session in use is renewed and its cookie sent again; one left alone expires.
@Suite("Sessions renewed while in use")
struct SessionRenewalTests {
    static let hours8: Int64 = 8 * 60 * 60

    func overview(_ client: some TestClientProtocol, _ secret: String) async throws -> TestResponse {
        try await client.execute(uri: "/", method: .get, headers: [.cookie: "pbr_session=\(secret)"])
    }

    func renewedCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("pbr_session=") }
    }

    @Test func aSessionInUseIsRenewedAndItsCookieSentAgain() async throws {
        let clock = MovingClock(ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z")!)
        let fixture = try await WebFixture.make(clock: clock.wallClock)
        let secret = fixture.sessions["commissioner"]!.secret
        try await fixture.application.test(.router) { client in
            clock.advance(seconds: 60)
            let soon = try await overview(client, secret)
            #expect(soon.status == .ok && renewedCookie(soon) == nil, "renewed at most every five minutes: no write on every request")

            clock.advance(seconds: 2 * 60 * 60)
            let later = try await overview(client, secret)
            let cookie = try #require(renewedCookie(later))
            #expect(cookie.contains("Max-Age=\(Self.hours8)") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(cookie.hasPrefix("pbr_session=\(secret);"), "the same session, not a new one")

            // Past the first sign-in's eight hours, still signed in: the renewal moved the expiry on.
            clock.advance(seconds: 7 * 60 * 60)
            let past = try await overview(client, secret)
            #expect(past.status == .ok && past.text.contains("commissioner (commissioner)"))

            // Left alone for eight hours after its last use, it expires.
            clock.advance(seconds: Double(Self.hours8) + 1)
            let idle = try await overview(client, secret)
            #expect(idle.status == .seeOther && idle.headers[.location] == "/sign-in")
        }
        try await fixture.close()
    }

    @Test func signingOutIsNotUndoneByARenewal() async throws {
        let clock = MovingClock(ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z")!)
        let fixture = try await WebFixture.make(clock: clock.wallClock)
        let session = fixture.sessions["auditor"]!
        try await fixture.application.test(.router) { client in
            clock.advance(seconds: 60 * 60)
            let out = try await client.execute(uri: "/sign-out", method: .post,
                                               headers: [.cookie: "pbr_session=\(session.secret)", .contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "csrf=\(session.csrf)"))
            let cookies = out.headers[values: .setCookie].filter { $0.hasPrefix("pbr_session=") }
            #expect(out.status == .seeOther && cookies.count == 1 && cookies[0].contains("Max-Age=0"), "only the expired cookie")
            let after = try await overview(client, session.secret)
            #expect(after.status == .seeOther)
        }
        try await fixture.close()
    }

    @Test func anAPITokenIsNotASessionAndIsNotRenewed() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/contracts", method: .get, headers: fixture.headers("auditor", path: "/api/"))
            #expect(response.status == .ok && response.headers[values: .setCookie].isEmpty)
            let asCookie = try await overview(client, fixture.tokens["auditor"]!)
            #expect(asCookie.status == .seeOther, "a token is no session cookie")
        }
        try await fixture.close()
    }
}
