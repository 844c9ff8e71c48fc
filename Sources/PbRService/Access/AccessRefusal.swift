/// Why the web application's use cases refuse a request, so the server can answer with the right
/// status. A thing the viewer may not see is refused exactly as a thing that does not exist, so that a
/// refusal tells nothing of what exists.
public enum AccessRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(String)
    case forbidden(String)
    case badRequest(String)
    case conflict(String)
    case unauthorised(String)

    public var description: String {
        switch self {
        case .notFound(let text), .forbidden(let text), .badRequest(let text), .conflict(let text), .unauthorised(let text): text
        }
    }
}
