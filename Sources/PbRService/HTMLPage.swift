/// The page every HTML report of PbR is (statements, diagnostics, proofing): one standalone HTML5
/// document, UTF-8, inline CSS, no script, nothing fetched.
enum HTMLPage {
    /// - Parameters:
    ///   - title: plain text, escaped here.
    ///   - body: the body's HTML, already escaped.
    static func document(title: String, style: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(StatementHTML.escape(title))</title>
        <style>
        \(style)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
