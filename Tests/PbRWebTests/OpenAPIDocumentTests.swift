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
