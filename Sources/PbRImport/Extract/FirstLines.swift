import Foundation
import PbRCore

/// Where keys first appear in a file, found by reading it again: only for repeated keys whose first row
/// was written to the store before the repeat was met, so the line was not kept.
enum FirstLines {
    static func of(_ keys: Set<String>, in url: URL, layout: FileLayout) throws(ExtractRefused) -> [String: Int] {
        var blocks = try RecordBlocks(url: url)
        defer { blocks.close() }
        var found: [String: Int] = [:]
        let keyIndex = layout.columns[RecordSchema.keyColumn(layout.kind)]!
        while let block = try blocks.next(), found.count < keys.count {
            let isFirst = block.firstLine == 1
            var reader = isFirst ? CSVReader(bytes: block.bytes)
                                 : CSVReader(bytes: block.bytes, range: 0..<block.bytes.count, firstLine: block.firstLine)
            if isFirst { _ = try? reader.next() }  // the header
            // The file was read whole once already, so it parses; a row counts as it did then.
            while let row = try? reader.next() {
                guard row.fields.count == layout.header.count, !block.bytes[row.range].contains(0x1F) else { continue }
                let key = row.fields[keyIndex]
                if keys.contains(key), found[key] == nil { found[key] = row.line }
            }
        }
        return found
    }
}
