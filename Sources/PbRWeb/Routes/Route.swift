import HTTPTypes
import Hummingbird

/// One route of the application, described once: the router registers its handler from this, and the
/// OpenAPI document (`OpenAPIDocument`) describes it from this, so the two cannot drift apart.
struct Route: Sendable {
    enum Kind: String, Sendable { case api, page }
    enum Access: Sendable { case everyone, signedIn }

    struct Query: Sendable {
        var name: String
        var description: String
        var type = "string"
    }

    enum Body: Sendable {
        /// A JSON object with these properties (name, type, required).
        case json([(name: String, type: String, required: Bool)])
        /// An HTML form with these fields.
        case form([String])
        /// A multipart/form-data body: these files (each part named by its file name) and text fields.
        case multipart(files: String, fields: [String])
    }

    var method: HTTPRequest.Method
    /// In the router's syntax: `/api/v1/contracts/:contract`.
    var path: String
    var summary: String
    var kind: Kind
    var access: Access
    /// The roles that may use it (what the authorisation test proves, and what the document says);
    /// the use cases decide, this only describes.
    var roles: [String]
    var query: [Query] = []
    var body: Body?
    /// Status codes and what each means, beyond the errors every route may answer.
    var responses: [(status: Int, description: String)]
    /// The JSON body of a success (200 or 201), described from its type (`ResponseSchema.of`).
    var returns: ResponseSchema? = nil
    /// The media type of a success when it is not the kind's own (JSON or HTML): `text/csv` for an export.
    var produces: String? = nil
    var handler: @Sendable (Request, WebContext, WebEnvironment) async throws -> Response

    /// The path's parameters (`:contract`), in order.
    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    /// The path as OpenAPI writes it: `/api/v1/contracts/{contract}`.
    var openAPIPath: String {
        "/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }
}
