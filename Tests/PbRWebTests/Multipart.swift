import HTTPTypes
import NIOCore

/// A multipart/form-data body as a browser sends the upload form: a part per file, named by its file
/// name, and the form's text fields.
enum Multipart {
    static let boundary = "----pbr-test-boundary-7d1f"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    static func body(files: [(name: String, text: String)], fields: [(name: String, value: String)] = []) -> String {
        var body = ""
        for field in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\"\r\n\r\n\(field.value)\r\n"
        }
        for file in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: text/csv\r\n\r\n\(file.text)\r\n"
        }
        return body + "--\(boundary)--\r\n"
    }

    static func extractYAML(source: String, knownAt: String = "2014-08-05T09:00:00+01:00") -> (name: String, text: String) {
        ("extract.yaml", "known_at: '\(knownAt)'\nsource: \(source)\n")
    }
}
