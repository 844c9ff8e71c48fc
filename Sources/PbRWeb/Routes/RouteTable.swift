import Hummingbird
import PbRService

/// Every route of the application, in one table: the router is built from it (`WebApplication.router`)
/// and so is `/openapi.json`, which is itself one of its routes.
enum RouteTable {
    static var all: [Route] {
        [openAPI] + APIRoutes.all + PageRoutes.all + AssessmentRoutes.all + AssessmentPages.all + ResultsRoutes.all + ClientRoutes.all
            + ExportRoutes.all + ImportRoutes.all
    }

    static let openAPI = Route(
        method: .get, path: "/openapi.json", summary: "This document: every route, made from the route table",
        kind: .api, access: .everyone, roles: ["anyone"], responses: [(200, "the OpenAPI 3 document")]
    ) { _, _, _ in
        JSONReply.text(OpenAPIDocument.make(RouteTable.all, version: PbRVersion.current).text)
    }
}
