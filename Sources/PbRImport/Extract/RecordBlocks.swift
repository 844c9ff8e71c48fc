import Foundation

/// Reads one extract file in blocks of whole records, so that an import holds a block of the file at a
/// time, never the whole of it.
///
/// A block ends just after a line ending (a line feed, or a carriage return alone) outside quotes.
/// Counting quotes is enough to know where that is: a doubled quote inside a quoted field toggles twice.
/// The bytes after the last such ending wait for the next block. Blocks are the file's bytes in order,
/// with nothing left out.
struct RecordBlocks {
    struct Block: Sendable {
        let bytes: [UInt8]
        /// The physical line where the block starts (the file's first line is 1).
        let firstLine: Int
    }

    /// About this many bytes are read at a time.
    static let blockSize = 4 << 20
    /// A record that runs longer than this without ending is refused, so that an unclosed quote cannot
    /// pull the rest of a large file into memory.
    static let longestRecord = 64 << 20

    let file: String
    private let handle: FileHandle
    private var carry: [UInt8] = []
    private var nextLine = 1
    private var atEnd = false

    init(url: URL) throws(ExtractRefused) {
        file = url.lastPathComponent
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            throw ExtractRefused(issues: [RowIssue(file: url.lastPathComponent, line: 0, reason: "cannot be read: \(error.localizedDescription)")])
        }
    }

    func close() { try? handle.close() }

    /// The next block, or `nil` after the last.
    mutating func next() throws(ExtractRefused) -> Block? {
        var bytes = carry
        carry = []
        var scanned = 0, quoted = false, lines = 0
        var cut: (offset: Int, lines: Int)?
        while !atEnd {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: Self.blockSize) } catch {
                throw ExtractRefused(issues: [RowIssue(file: file, line: nextLine, reason: "cannot be read: \(error.localizedDescription)")])
            }
            guard let chunk, !chunk.isEmpty else { atEnd = true; break }
            bytes.append(contentsOf: chunk)
            // Lines are counted as `CSVReader` counts them (a carriage return alone ends one too), which needs
            // the byte after each: the last byte waits for the next chunk.
            bytes.withUnsafeBufferPointer { buffer in
                for index in scanned..<buffer.count - 1 {
                    switch buffer[index] {
                    case .quote: quoted.toggle()
                    case .lf:
                        lines += 1
                        if !quoted { cut = (index + 1, lines) }
                    case .cr where buffer[index + 1] != .lf:
                        lines += 1
                        if !quoted { cut = (index + 1, lines) }
                    default: break
                    }
                }
            }
            scanned = bytes.count - 1
            if cut != nil { break }
            guard bytes.count <= Self.longestRecord else {
                throw ExtractRefused(issues: [RowIssue(file: file, line: nextLine, reason: "a record runs on past \(Self.longestRecord >> 20) MB (is a quote not closed?)")])
            }
        }
        guard !bytes.isEmpty else { return nil }
        let block: Block
        if !atEnd, let cut {
            carry = Array(bytes[cut.offset...])
            bytes.removeSubrange(cut.offset...)
            block = Block(bytes: bytes, firstLine: nextLine)
            nextLine += cut.lines
        } else {
            block = Block(bytes: bytes, firstLine: nextLine)
        }
        return block
    }
}
