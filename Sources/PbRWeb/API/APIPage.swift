import Hummingbird
import PbRService

/// A page of a list: `?page=1&per_page=50` (at most 500 a page); every list of the API is one.
struct APIPage<Item: Encodable>: Encodable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int

    static var queries: [Route.Query] {
        [Route.Query(name: "page", description: "1, 2, ... (default 1)", type: "integer"),
         Route.Query(name: "per_page", description: "items a page, 1 to 500 (default 50)", type: "integer")]
    }

    /// The page the request asks for, of `all`.
    static func of(_ all: [Item], _ request: Request) throws -> APIPage {
        let (page, perPage) = try bounds(request)
        let start = min((page - 1) * perPage, all.count)
        return APIPage(items: Array(all[start..<min(start + perPage, all.count)]), page: page, perPage: perPage, total: all.count)
    }

    static var maxPage: Int { 1_000_000 }

    static func bounds(_ request: Request) throws -> (page: Int, perPage: Int) {
        let query = request.uri.queryParameters
        let page = try query["page"].map { text in
            // Bounded so that the first item's index, (page - 1) × per_page, cannot overflow.
            guard let value = Int(text), (1...maxPage).contains(value) else { throw AccessRefusal.badRequest("page is 1 to \(maxPage)") }
            return value
        } ?? 1
        let perPage = try query["per_page"].map { text in
            guard let value = Int(text), (1...500).contains(value) else { throw AccessRefusal.badRequest("per_page is 1 to 500") }
            return value
        } ?? 50
        return (page, perPage)
    }
}

/// Read only to describe a page in `/openapi.json` (`ResponseSchema`).
extension APIPage: Decodable where Item: Decodable {}
