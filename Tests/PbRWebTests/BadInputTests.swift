import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Requests no page or script of ours sends are refused as bad requests, in words: never a crash of the
/// server (an overflow stops the process) and never a 500.
@Suite("Bad input to the web application")
struct BadInputTests {
    @Test func aPageNumberTooLargeToIndexIsABadRequest() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            for uri in ["/api/v1/contracts?page=9223372036854775807", "/api/v1/audit?page=9223372036854775807&per_page=500",
                        "/api/v1/contracts/national-pilot/clients?page=1000001"] {
                let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers("admin", path: "/api/"))
                #expect(response.status == .badRequest && response.text.contains("page is 1 to 1000000"), "\(uri): \(response.text)")
            }
            let page = try await client.execute(uri: "/contracts/national-pilot/clients?page=9223372036854775807", method: .get,
                                                headers: fixture.headers("admin", path: "/"))
            #expect(page.status == .badRequest)
        }
        try await fixture.close()
    }

    @Test func referralsTooManyToCountAreABadRequest() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/contracts/national-pilot/simulations", method: .post,
                headers: fixture.headers("commissioner", path: "/api/").merging([.contentType: "application/json"]),
                body: ByteBuffer(string: #"{"scenario":"small","runs":1,"referrals_per_month":9223372036854775807}"#))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("referrals a month is 1 to 500 here (asked: 9223372036854775807)"))
        }
        try await fixture.close()
    }

    @Test func aFormNoPageSendsIsABadRequestNotAServerError() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            for body in ["name=a&name=b", "%zz=1", "csrf[x]=1"] {
                let response = try await client.execute(uri: "/sign-in", method: .post,
                                                        headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
                #expect(response.status == .badRequest && response.text.contains("the form is not one this page sends"), "\(body): \(response.status)")
            }
        }
        try await fixture.close()
    }
}
