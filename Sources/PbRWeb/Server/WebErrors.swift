import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PbRService

/// Every error a route throws, as the client sees it: JSON `{code, message}` for the API, a page for
/// the pages. A refusal says what was refused; anything else is a 500 that names the request id under
/// which it was logged in full, and echoes nothing of it.
struct WebErrors: RouterMiddleware {
    typealias Context = WebContext
    let environment: WebEnvironment

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as AccessRefusal {
            if case .unauthorised = refusal, !Self.wantsJSON(request.uri.path) {
                return Response(status: .seeOther, headers: [.location: "/sign-in"])
            }
            return respond(request, status: Self.status(refusal), code: Self.code(refusal), message: refusal.description, context: context)
        } catch let error as HTTPError where error.status.code < 500 {
            return respond(request, status: error.status, code: Self.code(error.status), message: error.body ?? error.status.reasonPhrase,
                           context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return respond(request, status: .internalServerError, code: "internal",
                           message: "an unexpected error; it is logged under request id \(context.id)", context: context, requestID: context.id)
        }
    }

    /// The API and its document answer in JSON; every other path is a page.
    static func wantsJSON(_ path: String) -> Bool { path.hasPrefix("/api/") || path == "/openapi.json" }

    static func status(_ refusal: AccessRefusal) -> HTTPResponse.Status {
        switch refusal {
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .badRequest: .badRequest
        case .conflict: .conflict
        case .unauthorised: .unauthorized
        }
    }

    static func code(_ refusal: AccessRefusal) -> String {
        switch refusal {
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .badRequest: "bad_request"
        case .conflict: "conflict"
        case .unauthorised: "unauthorised"
        }
    }

    static func code(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 413: "too_large"
        case 429: "too_many_requests"
        default: status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
        }
    }

    private func respond(_ request: Request, status: HTTPResponse.Status, code: String, message: String, context: WebContext,
                         requestID: String? = nil) -> Response {
        if Self.wantsJSON(request.uri.path) {
            return JSONReply.response(APIError(code: code, message: message, requestID: requestID), status: status)
        }
        let page = environment.pages.error(status: Int(status.code), message: message, viewer: context.viewer, csrf: context.csrf)
        return HTMLReply.response(page, status: status)
    }
}

/// The body of every API error.
struct APIError: Encodable {
    var code: String
    var message: String
    var requestID: String?
}
