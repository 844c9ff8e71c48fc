import Mustache
import PbRCore

/// Renders a page: its template with its model, inside the layout (title, who is signed in, sign-out).
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all { try library.register(text, named: name) }
        self.library = library
    }

    struct Layout {
        struct Signed {
            var name: String; var role: String; var provider: String?; var csrf: String
            /// The navigation's links to the results pages, for the roles that may use them.
            var diagnostics = false; var proofing = false; var simulations = false
        }
        var title: String
        var style = PageStyle.css
        var viewer: Signed?
        var body: String
    }

    func render(_ template: String, _ model: Any, title: String, viewer: Viewer?, csrf: String?) -> String {
        let body = library.render(model, withTemplate: template) ?? ""
        let signed = viewer.map {
            Layout.Signed(name: $0.name, role: $0.role.rawValue, provider: $0.providerID?.rawValue, csrf: csrf ?? "",
                          diagnostics: $0.readsDiagnostics, proofing: $0.readsLedger, simulations: $0.readsSimulations)
        }
        return library.render(Layout(title: title, viewer: signed, body: body), withTemplate: "layout") ?? body
    }

    func error(status: Int, message: String, viewer: Viewer?, csrf: String?) -> String {
        struct Model { var status: Int; var message: String }
        return render("error", Model(status: status, message: message), title: "Error \(status)", viewer: viewer, csrf: csrf)
    }
}
