import Foundation
import PbRService

/// A multipart/form-data body (RFC 7578) split into its parts: how the upload form and
/// `POST /api/v1/imports` send an extract's files, one part per file. Each part's name and file name
/// come from its Content-Disposition; its bytes are kept as sent.
struct MultipartForm {
    struct Part: Equatable {
        var name: String
        /// The file name as sent, without any folder a browser put before it.
        var filename: String?
        var bytes: [UInt8]
    }

    var parts: [Part]

    /// - Throws: `AccessRefusal.badRequest` for a body that is not multipart/form-data.
    init(_ body: [UInt8], contentType: String) throws {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty else {
            throw AccessRefusal.badRequest("the body is multipart/form-data (a part per file, each named as the extract names it)")
        }
        let delimiter = Array(("--" + boundary).utf8), separator = Array("\r\n--\(boundary)".utf8)
        guard var at = Self.find(delimiter, in: body, from: 0).map({ $0 + delimiter.count }) else {
            throw AccessRefusal.badRequest("the multipart body has no part")
        }
        parts = []
        // After each delimiter: "--" ends the body, else CRLF, headers, a blank line, the content.
        while at + 2 <= body.count, !(body[at] == UInt8(ascii: "-") && body[at + 1] == UInt8(ascii: "-")) {
            let crlfcrlf = Array("\r\n\r\n".utf8)
            guard let headersEnd = Self.find(crlfcrlf, in: body, from: at),
                  let end = Self.find(separator, in: body, from: headersEnd + 4) else {
                throw AccessRefusal.badRequest("the multipart body ends inside a part")
            }
            let headers = String(decoding: body[at..<headersEnd], as: UTF8.self)
            parts.append(try Self.part(headers: headers, bytes: Array(body[(headersEnd + 4)..<end])))
            at = end + separator.count
        }
    }

    /// The text of the first part of this name (a form field).
    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    private static func part(headers: String, bytes: [UInt8]) throws -> Part {
        let disposition = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") }.map(String.init)
        guard let disposition, let name = parameter("name", in: disposition) else {
            throw AccessRefusal.badRequest("a part of the multipart body has no Content-Disposition name")
        }
        let filename = parameter("filename", in: disposition).map { path in
            String(path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
        }
        return Part(name: name, filename: filename, bytes: bytes)
    }

    /// A header's `key=value` or `key="value"` parameter.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }

    /// Where `needle` first occurs in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
