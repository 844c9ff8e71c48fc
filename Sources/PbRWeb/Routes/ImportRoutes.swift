import HTTPTypes
import Hummingbird
import NIOCore
import PbRCore
import PbRService
import PbRStore

/// Extract upload and the imports on record: the API and the page. An upload is multipart/form-data,
/// one part per file of the extract, each part's file name as DOMAIN.md names the file
/// (`extract.yaml`, `episodes.csv`, ...); the page's form also carries its CSRF token.
enum ImportRoutes {
    /// The largest upload taken: the body is held in memory while its files are written out.
    static let maxBytes = 64 * 1024 * 1024

    static var all: [Route] {
        [
            Route(method: .get, path: "/api/v1/imports", summary: "The imports on record, newest first, with their warnings (a provider: its own uploads)",
                  kind: .api, access: .signedIn, roles: APIRoutes.readers, query: APIPage<APIImport>.queries,
                  responses: [(200, "a page of imports")], returns: .of(APIPage<APIImport>.self)) { request, context, environment in
                let imports = try await environment.upload(try context.signedIn()) { try await $0.imports() }
                return JSONReply.response(try APIPage.of(imports.map(APIImport.init), request))
            },
            Route(method: .post, path: "/api/v1/imports",
                  summary: "Uploads an extract and imports it, all or nothing: a part per file, named as DOMAIN.md names it (admins; a provider its own records)",
                  kind: .api, access: .signedIn, roles: ["admin", "provider"], body: .multipart(files: "files", fields: []),
                  responses: [(201, "imported: the receipt"), (200, "imported before: nothing changed"),
                              (403, "the extract holds records not the uploader's: every one, with file, line, column and reason"),
                              (413, "larger than 64 MB"), (422, "refused: every defect, with file, line, column and reason")],
                  returns: .of(APIUploadReport.self)) { request, context, environment in
                let viewer = try context.signedIn()
                try ExtractUpload.permit(viewer)
                let form = try await multipart(request)
                let report = APIUploadReport(try await environment.upload(viewer) { try await $0.run(files(form)) })
                return JSONReply.response(report, status: HTTPResponse.Status(code: report.status))
            },
            Route(method: .get, path: "/imports", summary: "The extracts: the upload form (admins, providers) and the imports on record with their warnings",
                  kind: .page, access: .signedIn, roles: APIRoutes.readers, responses: [(200, "the page")]) { _, context, environment in
                let viewer = try context.signedIn()
                let imports = try await environment.upload(viewer) { try await $0.imports() }
                let model = ImportsModel(viewer: viewer, csrf: context.csrf ?? "", imports: imports)
                return HTMLReply.response(environment.pages.render("imports", model, title: "Extracts", viewer: viewer, csrf: context.csrf))
            },
            Route(method: .post, path: "/imports", summary: "Uploads an extract from the form (its CSRF token required) and shows the validation report",
                  kind: .page, access: .signedIn, roles: ["admin", "provider"], body: .multipart(files: "files", fields: ["csrf"]),
                  responses: [(201, "imported"), (200, "imported before"), (403, "not the uploader's records, or no valid form token"),
                              (422, "refused, with every defect")]) { request, context, environment in
                let viewer = try context.signedIn()
                try ExtractUpload.permit(viewer)
                let form = try await multipart(request)
                guard let csrf = context.csrf, Secret.matches(form.field("csrf") ?? "", csrf) else {
                    throw AccessRefusal.forbidden("the form did not come from this session: open the extracts page again")
                }
                let report = APIUploadReport(try await environment.upload(viewer) { try await $0.run(files(form)) })
                let html = environment.pages.render("upload-report", UploadReportModel(report), title: "Upload", viewer: viewer, csrf: context.csrf)
                return HTMLReply.response(html, status: HTTPResponse.Status(code: report.status))
            },
        ]
    }

    static func multipart(_ request: Request) async throws -> MultipartForm {
        let body = try await request.body.collect(upTo: maxBytes)
        return try MultipartForm(Array(body.readableBytesView), contentType: request.headers[.contentType] ?? "")
    }

    /// The form's files, each under its file name (a part with none: under its field name).
    static func files(_ form: MultipartForm) -> [ExtractUpload.File] {
        form.parts.filter { $0.name != "csrf" && !($0.filename == "" && $0.bytes.isEmpty) }
            .map { ExtractUpload.File(name: $0.filename ?? $0.name, bytes: $0.bytes) }
    }
}

extension WebEnvironment {
    /// Runs `body` with the extract upload as `viewer` may use it.
    func upload<T: Sendable>(_ viewer: Viewer, _ body: @Sendable (ExtractUpload) async throws -> T) async throws -> T {
        try await pool.withStore { try await body(ExtractUpload(store: $0, viewer: viewer)) }
    }
}

/// What the imports page shows.
struct ImportsModel {
    struct Row { var id: Int; var knownAt: String; var source: String; var importedAt: String; var importedBy: String; var rows: Int; var warnings: [String] }
    var mayUpload: Bool
    var provider: String?
    var csrf: String
    var imports: [Row]

    init(viewer: Viewer, csrf: String, imports: [ImportSummary]) {
        mayUpload = viewer.uploadsExtracts; provider = viewer.providerID?.rawValue; self.csrf = csrf
        self.imports = imports.map { Row(id: $0.id, knownAt: $0.knownAt, source: $0.source, importedAt: $0.importedAt, importedBy: $0.importedBy,
                                         rows: $0.rowsImported, warnings: $0.warnings) }
    }
}

/// What the upload's report page shows.
struct UploadReportModel {
    struct Defect { var file: String; var line: String; var column: String; var reason: String }
    var heading: String
    var message: String
    var failed: Bool
    var defects: [Defect]
    var hasDefects: Bool
    var warnings: [String]
    var hasWarnings: Bool

    init(_ report: APIUploadReport) {
        failed = report.code != "imported"
        heading = failed ? "The extract was not imported" : "The extract was imported"
        message = report.message
        defects = report.defects.map { Defect(file: $0.file, line: $0.line == 0 ? "" : String($0.line), column: $0.column ?? "", reason: $0.reason) }
        hasDefects = !defects.isEmpty; warnings = report.warnings; hasWarnings = !warnings.isEmpty
    }
}
