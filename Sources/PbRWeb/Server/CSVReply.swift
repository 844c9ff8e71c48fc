import HTTPTypes
import Hummingbird
import NIOCore

/// A CSV export: UTF-8, to be saved under `filename`, never cached (it may hold client-level data).
enum CSVReply {
    static func response(_ csv: String, filename: String) -> Response {
        let safe = String(filename.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"\(safe)\"",
        ], body: .init(byteBuffer: ByteBuffer(string: csv)))
    }
}
