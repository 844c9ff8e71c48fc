import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import PbRWeb

/// `/openapi.json` describes each success body from its Swift type; these prove that it says what the API
/// really sends: the keys as written, what may be left out, and nothing undocumented.
@Suite("Response schemas")
struct ResponseSchemaTests {
    @Test func aLinesSchemaSaysWhatIsAlwaysThereAndWhatMayBeLeftOut() throws {
        let schema = SchemaReader.schema(of: APILine.self)
        #expect(schema["type"] == "object")
        #expect(schema["properties"]?.keys == ["statement", "line", "payee", "earned_by", "client", "component", "outcome", "part", "band",
                                                "achieved_on", "due_on", "kind", "amount_pence", "reason", "refers_to"])
        #expect(schema["required"] == .array(["statement", "line", "payee", "component", "kind", "amount_pence", "reason", "refers_to"]))
        #expect(schema["properties"]?["amount_pence"] == .object([("type", "integer")]))
        #expect(schema["properties"]?["refers_to"] == .object([("type", "array"), ("items", .object([("type", "string")]))]))
        #expect(schema["additionalProperties"] == false)
    }

    @Test func aPageDescribesItsItems() throws {
        let schema = SchemaReader.schema(of: APIPage<APIPayments.Month>.self)
        #expect(schema["properties"]?.keys == ["items", "page", "per_page", "total"])
        #expect(schema["properties"]?["items"]?["items"]?["properties"]?.keys == ["period", "amount_pence"])
    }

    /// Every API route the authorisation table calls, as the admin: each success has a documented schema,
    /// and the body the route sends meets it.
    @Test func everyAPIAnswerMeetsItsDocumentedSchema() async throws {
        let fixture = try await WebFixture.make()
        let document = OpenAPIDocument.make(RouteTable.all, version: "test")
        try await AuthorisationTests.keepResults(fixture)
        try await fixture.application.test(.router) { client in
            for (route, test) in AuthorisationTests.cases.sorted(by: { $0.key < $1.key }) where test.uri.hasPrefix("/api/") {
                let parts = route.split(separator: " ").map(String.init)
                var headers = fixture.headers("admin", path: test.uri)
                if let body = test.body { headers[.contentType] = body.hasPrefix("--") ? Multipart.contentType : "application/json" }
                let response = try await client.execute(uri: test.uri, method: HTTPRequest.Method(rawValue: parts[0])!, headers: headers,
                                                        body: test.body.map { ByteBuffer(string: $0) })
                if response.headers[.contentType]?.hasPrefix("text/csv") == true { continue }  // an export: no JSON to describe
                let status = String(response.status.code)
                let schema = document["paths"]?[parts[1]]?[parts[0].lowercased()]?["responses"]?[status]?["content"]?["application/json"]?["schema"]
                #expect(schema != nil, "\(route): no schema for its \(status)")
                guard let schema else { continue }
                let body = try JSONDecoder().decode(AnyJSON.self, from: Data(response.text.utf8))
                let problems = SchemaCheck.problems(body, schema, components: document["components"]?["schemas"], at: "")
                #expect(problems.isEmpty, "\(route): \(problems.prefix(5))")
            }
        }
        try await fixture.close()
    }
}

/// Any JSON value, telling booleans, integers and other numbers apart as JSON Schema does.
enum AnyJSON: Decodable {
    case object([String: AnyJSON]), array([AnyJSON]), string(String), integer(Int64), number(Double), bool(Bool), null

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let bool = try? value.decode(Bool.self) { self = .bool(bool) }
        else if let integer = try? value.decode(Int64.self) { self = .integer(integer) }
        else if let number = try? value.decode(Double.self) { self = .number(number) }
        else if let string = try? value.decode(String.self) { self = .string(string) }
        else if let array = try? value.decode([AnyJSON].self) { self = .array(array) }
        else { self = .object(try value.decode([String: AnyJSON].self)) }
    }
}

/// The part of JSON Schema the document uses: type, properties, required, additionalProperties, items, $ref.
enum SchemaCheck {
    static func problems(_ value: AnyJSON, _ schema: JSONValue, components: JSONValue?, at path: String) -> [String] {
        if case .string(let reference)? = schema["$ref"] {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = components?[name] else { return ["\(path): no schema \(reference)"] }
            return problems(value, target, components: components, at: path)
        }
        guard case .string(let type)? = schema["type"] else { return [] }
        switch (type, value) {
        case ("string", .string), ("integer", .integer), ("number", .integer), ("number", .number), ("boolean", .bool): return []
        case ("array", .array(let items)):
            guard let itemSchema = schema["items"] else { return [] }
            return items.enumerated().flatMap { problems($1, itemSchema, components: components, at: "\(path)/\($0)") }
        case ("object", .object(let members)):
            let properties = schema["properties"]
            var found: [String] = []
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where members[key] == nil { found.append("\(path)/\(key): required, missing") }
            }
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties?[key] {
                    found += problems(member, propertySchema, components: components, at: "\(path)/\(key)")
                } else if schema["additionalProperties"] == false {
                    found.append("\(path)/\(key): not in the schema")
                }
            }
            return found
        default: return ["\(path): \(value) is not of type \(type)"]
        }
    }
}
