import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRWeb
import Testing

/// `/openapi.json` is made from the route table: every registered route is in it, and nothing else.
@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    @Test func everyRegisteredRouteIsInTheDocumentAndViceVersa() async throws {
        let fixture = try await WebFixture.make()
        let registered = Set(WebApplication.registeredRoutes(fixture.environment))
        let body = try await fixture.application.test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { $0.text }
        }
        try await fixture.close()
        let document = try JSONSerialization.jsonObject(with: Data(body.utf8)) as! [String: Any]
        let paths = document["paths"] as! [String: [String: Any]]
        var documented: Set<String> = []
        for (path, methods) in paths {
            for method in methods.keys { documented.insert(method.uppercased() + " " + path) }
        }
        #expect(document["openapi"] as? String == "3.0.3")
        #expect(documented == registered)
        #expect(registered.count >= 17)
        let explanation = paths["/api/v1/contracts/{contract}/clients/{client}/explanation"]?["get"] as? [String: Any]
        let parameters = (explanation?["parameters"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(parameters == ["contract", "client", "as_of"])
    }
}

/// A path no route serves is a 404 in the form of its side: JSON under /api, a page elsewhere.
@Suite("Unknown paths")
struct UnknownPathTests {
    @Test func anUnknownAPIPathIsAJSON404AndAnUnknownPageAPage() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.application.test(.router) { client in
            let api = try await client.execute(uri: "/api/v1/nothing", method: .get, headers: fixture.headers("admin", path: "/api/"))
            let page = try await client.execute(uri: "/nothing", method: .get, headers: fixture.headers("admin", path: "/"))
            #expect(api.status == .notFound && api.text.hasPrefix(#"{"code":"not_found""#))
            #expect(page.status == .notFound && page.text.contains("<h1>404</h1>"))
        }
        try await fixture.close()
    }
}
