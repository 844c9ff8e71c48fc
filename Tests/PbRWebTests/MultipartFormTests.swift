@testable import PbRWeb
import PbRService
import Testing

/// The upload's body split into parts as browsers and curl send it.
@Suite("multipart/form-data")
struct MultipartFormTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func partsKeepTheirBytesAndAFileNameLosesItsFolder() throws {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"C:\\\\extract\\\\top.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + "a,b\r\n1,2\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"extract/extract.yaml\"\r\n\r\nsource: x\r\n--XyZ--\r\n"
        let form = try MultipartForm(bytes(body), contentType: "multipart/form-data; boundary=\"XyZ\"")
        #expect(form.parts.map(\.name) == ["csrf", "files", "files"])
        #expect(form.parts.map(\.filename) == [nil, "top.csv", "extract.yaml"])
        #expect(form.parts[1].bytes == bytes("a,b\r\n1,2\r\n"), "a file's own line endings are kept")
        #expect(form.field("csrf") == "abc")
    }

    @Test func aBodyThatIsNotMultipartOrEndsInsideAPartIsABadRequest() {
        #expect(throws: AccessRefusal.self) { try MultipartForm(bytes("name=x"), contentType: "application/x-www-form-urlencoded") }
        #expect(throws: AccessRefusal.badRequest("the multipart body ends inside a part")) {
            try MultipartForm(bytes("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"), contentType: "multipart/form-data; boundary=B")
        }
    }
}
