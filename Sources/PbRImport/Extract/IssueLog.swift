import Foundation

/// Every bad row of an import, in file and line order: each to the rejects file (with --skip-bad-rows)
/// as its file is done, and the first few kept for the message that refuses an extract.
///
/// A file's issues wait until the file is done, because a repeated key's first line may be found only
/// then (`FirstLines`): memory grows with the bad rows of one file, not with the file.
final class IssueLog {
    static let shownLimit = 50
    private(set) var count = 0
    private(set) var shown: [RowIssue] = []
    private var pending: [RowIssue] = []
    private let rejects: FileHandle?

    /// - Parameter rejects: where to write the rejects file (created, or emptied).
    init(rejects: URL?) throws {
        guard let rejects else { self.rejects = nil; return }
        guard FileManager.default.createFile(atPath: rejects.path, contents: Data(RejectsCSV.render([]).utf8)),
              let handle = FileHandle(forWritingAtPath: rejects.path) else {
            throw ExtractRefused(issues: [RowIssue(file: rejects.path, line: 0, reason: "the rejects file cannot be written")])
        }
        handle.seekToEndOfFile()
        self.rejects = handle
    }

    func add(_ issues: [RowIssue]) { pending += issues }

    /// Puts the file's issues in line order (a row's own issues stay in column order) and writes them out.
    func endFile() throws {
        let ordered = pending.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        pending = []
        count += ordered.count
        shown += ordered.prefix(Self.shownLimit - shown.count)
        try rejects?.write(contentsOf: RejectsCSV.rows(ordered))
    }

    func close() throws { try rejects?.close() }

    /// The refusal of an extract with these issues.
    var refusal: ExtractRefused { ExtractRefused(issues: shown, count: count) }
}
