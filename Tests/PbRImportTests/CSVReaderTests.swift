import PbRCore
import PbRImport
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    func rows(_ text: String) throws -> [CSVReader.Row] {
        var reader = CSVReader(bytes: Array(text.utf8))
        var rows: [CSVReader.Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let rows = try rows("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", "", ""]])
    }

    @Test func aRecordIsNumberedByThePhysicalLineItStartsOn() throws {
        let rows = try rows("h1,h2\n1,\"a\nb\nc\"\n2,d\n")
        #expect(rows.map(\.line) == [1, 2, 5])
        #expect(String(decoding: Array("h1,h2\n1,\"a\nb\nc\"\n2,d\n".utf8)[rows[1].range], as: UTF8.self) == "1,\"a\nb\nc\"")
    }

    @Test func crlfLineEndingsAndAByteOrderMarkAreRead() throws {
        let rows = try rows("\u{FEFF}id,x\r\n1,a\r\n2,b")
        #expect(rows.map(\.fields) == [["id", "x"], ["1", "a"], ["2", "b"]])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test func blankLinesHoldNoRecordButCount() throws {
        let rows = try rows("id\n\n1\n\n")
        #expect(rows.map(\.line) == [1, 3])
    }

    @Test func anUnclosedQuoteIsReportedAtTheLineItOpened() {
        #expect(throws: CSVError(line: 2, reason: "a quoted field is not closed before the end of the file")) {
            try rows("id,x\n1,\"open\n2,b\n")
        }
    }

    @Test func aStrayQuoteIsAnError() {
        #expect(throws: CSVError(line: 3, reason: "a quote inside an unquoted field")) { try rows("id\n1\nab\"c\n") }
        #expect(throws: CSVError(line: 2, reason: "text after a closing quote")) { try rows("id\n\"a\"b\n") }
    }

    /// ASCII fields take a shorter path than the rest: a field with other UTF-8 in it is read whole too.
    @Test func fieldsBeyondASCIIAreReadAsTheirText() throws {
        let rows = try rows("id,name\n1,Zo\u{EB} \u{201C}Z\u{201D}\n2,\"caf\u{E9}, \u{1F600}\"\n")
        #expect(rows.map(\.fields) == [["id", "name"], ["1", "Zo\u{EB} \u{201C}Z\u{201D}"], ["2", "caf\u{E9}, \u{1F600}"]])
    }

    @Test func invalidUTF8IsAnError() {
        var bytes = Array("id\n".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        var reader = CSVReader(bytes: bytes)
        #expect(throws: CSVError.self) { while try reader.next() != nil {} }
    }

    @Test func aByteThatIsNotUTF8IsNamedWithTheLineItsRecordStartsOnAndItsField() {
        let bytes = Array("id,note\n1,\"two\nlines ".utf8) + [0xE9] + Array("\"\n".utf8)
        var reader = CSVReader(bytes: bytes)
        #expect(throws: CSVError(line: 2, reason: "byte 0xE9 is not UTF-8; the file must be UTF-8", field: 1)) {
            while try reader.next() != nil {}
        }
    }

    @Test func theWriterQuotesOnlyWhatNeedsIt() {
        var writer = CSVWriter(header: ["a", "b"])
        writer.append(["plain", "has, comma"])
        writer.append(["say \"x\"", "two\nlines"])
        #expect(writer.text == "a,b\nplain,\"has, comma\"\n\"say \"\"x\"\"\",\"two\nlines\"\n")
    }
}

@Suite("Reading a file in pieces")
struct CSVSplitTests {
    func rows(_ reader: inout CSVReader) throws -> [CSVReader.Row] {
        var rows: [CSVReader.Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test func piecesCutOnlyBetweenRecordsAndKeepTheirLineNumbers() throws {
        var text = "id,note\n"
        for index in 0..<500 {
            text += index % 7 == 0 ? "\(index),\"two\nlines, \"\"quoted\"\"\"\n" : "\(index),plain\n"
        }
        let bytes = Array(text.utf8)
        var whole = CSVReader(bytes: bytes)
        let all = try rows(&whole)
        var header = CSVReader(bytes: bytes)
        _ = try header.next()
        let points = CSVReader.splitPoints(bytes, from: header.position, line: header.line, parts: 9)
        #expect(points.count > 5)
        var pieced = [all[0]]
        for (index, point) in points.enumerated() {
            let end = index + 1 < points.count ? points[index + 1].offset : bytes.count
            var reader = CSVReader(bytes: bytes, range: point.offset..<end, firstLine: point.line)
            pieced += try rows(&reader)
        }
        #expect(pieced == all)
        #expect(all.last?.line == 1 + 500 + 72)
    }
}
