import PbRImport
import Testing

/// `nextFields` (the import's way, byte ranges, a quoted record left to `next()`) reads every file as
/// `next()` does: the same records, fields, lines and ranges, and the same error at the same place.
@Suite("Reading fields as byte ranges")
struct CSVReaderFieldsTests {
    /// What a reader makes of `bytes`, as text to compare: each record, then the error or the end.
    func read(_ bytes: [UInt8], byRanges: Bool) -> [String] {
        var reader = CSVReader(bytes: bytes)
        var seen: [String] = [], fields: [Range<Int>] = []
        func record(_ line: Int, _ fields: [String], _ range: Range<Int>) {
            seen.append("line \(line) \(range) \(fields.map { "[\($0)]" }.joined())")
        }
        do throws(CSVError) {
            while true {
                if byRanges {
                    let next = try reader.nextFields(&fields)
                    if next == .end { break }
                    if case .record(let line, let range) = next {
                        record(line, fields.map { String(decoding: bytes[$0], as: UTF8.self) }, range)
                        continue
                    }
                }
                guard let row = try reader.next() else { break }
                record(row.line, row.fields, row.range)
            }
            seen.append("end at line \(reader.line), offset \(reader.position)")
        } catch {
            seen.append("error on line \(error.line), field \(String(describing: error.field)): \(error.reason)")
        }
        return seen
    }

    static let files: [[UInt8]] = [
        "id,x\n1,\"open\n2,b\n", "id\n1\nab\"c\n", "id,x\n1,a\"\n", "id\n\"a\"b\n", "id,x\n\n\n1,a\n\r\n2,b\n\n",
        "id,x\r\n1,a\r\n2,b", "id,x\r1,a\r2,b\r", "id,x,\n1,a,\n2,b,\n", "\u{FEFF}id,x\n1,a\n",
        "id,note\n1,\"two\nlines\"\n2,after\n", "id,note\n1,\"two\r\nlines\",x\r\n2,after\r\n", "", "\n\n", "\r\n",
        "id,x\n1,\n,\n", ",\n,,\n", "id,x\n1,a\n2,b\"c\n3,d\n", "id,x\n\"1\",a\n2,b\"\n", "id,x\n1,Zo\u{EB}\n2,\u{1F600}\n",
        "id,x\n1,\"say \"\"hi\"\"\"\n2,b\n", "id,x\n1,\"a\"\n\n2,\"\"\n", "id,x\n1,a,b,c\n2\n",
    ].map { Array($0.utf8) } + [
        Array("id,x\n1,caf".utf8) + [0xE9] + Array("\n2,b\n".utf8),
        Array("id,x\n1,\"caf".utf8) + [0xE9] + Array("\"\n2,b\n".utf8),
        Array("id,x\n1,ok\n2,".utf8) + [0xC3, 0x28],
        Array("id,x\n1,".utf8) + [0xE9] + Array("\"\n".utf8),
    ]

    @Test(arguments: files)
    func bothWaysReadTheSameRecordsAndErrors(file: [UInt8]) {
        #expect(read(file, byRanges: true) == read(file, byRanges: false))
    }

    /// Not every record goes to `next()`: records without a quote are read as ranges.
    @Test func recordsWithoutAQuoteAreReadAsRanges() throws {
        var reader = CSVReader(bytes: Array("id,x\n1,\"a\"\n2,b\n".utf8))
        var fields: [Range<Int>] = []
        #expect(try reader.nextFields(&fields) == .record(line: 1, range: 0..<4))
        #expect(try reader.nextFields(&fields) == .quoted)
        #expect(try reader.next()?.fields == ["1", "a"])
        #expect(try reader.nextFields(&fields) == .record(line: 3, range: 11..<14))
        #expect(fields == [11..<12, 13..<14])
        #expect(try reader.nextFields(&fields) == .end)
    }
}
