import Foundation
import HTTPTypes
/// The OpenAPI 3 document of every route, made from the route table (`/openapi.json`): nothing in it is
/// written apart from the routes, and a test checks that every registered route is in it and nothing else.
enum OpenAPIDocument {
    static func make(_ routes: [Route], version: String) -> JSONValue {
        var paths: [(String, JSONValue)] = []
        for route in routes {
            let operation = self.operation(route)
            if let index = paths.firstIndex(where: { $0.0 == route.openAPIPath }), case .object(var methods) = paths[index].1 {
                methods.append((route.method.rawValue.lowercased(), operation))
                paths[index].1 = .object(methods)
            } else {
                paths.append((route.openAPIPath, .object([(route.method.rawValue.lowercased(), operation)])))
            }
        }
        return .object([
            ("openapi", "3.0.3"),
            ("info", .object([
                ("title", "PbR"),
                ("description", "Payment by results for drug and alcohol recovery services: the JSON API (version 1, under /api/v1) and the server-rendered pages."),
                ("version", .string(version)),
            ])),
            ("paths", .object(paths)),
            ("components", components),
        ])
    }

    private static func operation(_ route: Route) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("operationId", .string(route.method.rawValue.lowercased() + route.openAPIPath.split(separator: "/").map { part in
                part.filter { $0.isLetter || $0.isNumber }.capitalized }.joined())),
            ("summary", .string(route.summary)),
            ("tags", .array([.string(route.kind.rawValue)])),
            ("x-roles", .array(route.roles.map(JSONValue.string))),
        ]
        let parameters = route.pathParameters.map { name -> JSONValue in
            .object([("name", .string(name)), ("in", "path"), ("required", true), ("schema", .object([("type", "string")]))])
        } + route.query.map { query -> JSONValue in
            .object([("name", .string(query.name)), ("in", "query"), ("required", false), ("description", .string(query.description)),
                     ("schema", .object([("type", .string(query.type))]))])
        }
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let body = route.body { members.append(("requestBody", requestBody(body))) }
        members.append(("responses", responses(route)))
        switch route.access {
        case .everyone: members.append(("security", .array([])))
        case .signedIn:
            members.append(("security", .array([.object([(route.kind == .api ? "bearer" : "session", .array([]))])])))
        }
        return .object(members)
    }

    private static func requestBody(_ body: Route.Body) -> JSONValue {
        switch body {
        case .json(let properties):
            return .object([("required", true), ("content", .object([("application/json", .object([("schema", .object([
                ("type", "object"),
                ("properties", .object(properties.map { ($0.name, .object([("type", .string($0.type))])) })),
                ("required", .array(properties.filter(\.required).map { .string($0.name) })),
            ]))]))]))])
        case .form(let fields):
            return .object([("required", true), ("content", .object([("application/x-www-form-urlencoded", .object([("schema", .object([
                ("type", "object"),
                ("properties", .object(fields.map { ($0, .object([("type", "string")])) })),
            ]))]))]))])
        case .multipart(let files, let fields):
            let file: JSONValue = .object([("type", "array"), ("items", .object([("type", "string"), ("format", "binary")]))])
            return .object([("required", true), ("content", .object([("multipart/form-data", .object([("schema", .object([
                ("type", "object"),
                ("properties", .object([(files, file)] + fields.map { ($0, .object([("type", "string")])) })),
            ]))]))]))])
        }
    }

    private static func responses(_ route: Route) -> JSONValue {
        let media = route.kind == .api ? "application/json" : "text/html"
        var members: [(String, JSONValue)] = route.responses.map { response in
            let produced = response.status < 300 ? route.produces ?? media : media
            let schema: JSONValue = route.returns.map { .object([("schema", $0.schema())]) } ?? .object([])
            let content: JSONValue = response.status == 303 ? .object([])
                : .object([(produced, [200, 201].contains(response.status) && produced == media ? schema : .object([]))])
            return (String(response.status), response.status == 303
                ? .object([("description", .string(response.description))])
                : .object([("description", .string(response.description)), ("content", content)]))
        }
        let errors = route.kind == .api
            ? [(400, "bad request"), (401, "not signed in"), (403, "not for this role"), (404, "not found, or not the caller's to see"),
               (500, "an unexpected error: the body names the request id under which it was logged")]
            : [(403, "not for this role"), (404, "not found, or not the viewer's to see"), (500, "an unexpected error")]
        for (status, description) in errors where !members.contains(where: { $0.0 == String(status) }) {
            let content: JSONValue = route.kind == .api
                ? .object([("application/json", .object([("schema", .object([("$ref", "#/components/schemas/Error")]))]))])
                : .object([("text/html", .object([]))])
            members.append((String(status), .object([("description", .string(description)), ("content", content)])))
        }
        return .object(members)
    }

    private static let components: JSONValue = .object([
        ("securitySchemes", .object([
            ("bearer", .object([("type", "http"), ("scheme", "bearer"), ("description", "a token from `pbr users token NAME`")])),
            ("session", .object([("type", "apiKey"), ("in", "cookie"), ("name", .string(SessionCookie.name))])),
        ])),
        ("schemas", .object([
            ("Error", .object([
                ("type", "object"),
                ("properties", .object([
                    ("code", .object([("type", "string")])),
                    ("message", .object([("type", "string")])),
                    ("request_id", .object([("type", "string")])),
                ])),
                ("required", .array(["code", "message"])),
            ])),
        ])),
    ])
}
