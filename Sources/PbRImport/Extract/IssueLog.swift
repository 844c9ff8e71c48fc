import Foundation

/// Every defect of an import and every row it leaves out, in file and line order: each row to the rejects
/// file (with --skip-bad-rows) as its file is done, and the first few defects kept for the message that
/// refuses an extract.
///
/// A file's issues wait until the file is done, because a repeated key's first line may be found only
/// then (`FirstLines`): memory grows with the bad rows of one file, not with the file.
final class IssueLog {
    static let shownLimit = 50
    /// Defects: bad rows, and header defects (each once, however many rows they keep out).
    private(set) var count = 0
    /// Rows written to the rejects file: the bad ones and those a header defect kept out.
    private(set) var rowsRejected = 0
    private(set) var shown: [RowIssue] = []
    private var pending: [(issue: RowIssue, isDefect: Bool)] = []
    private var headerDefects: [RowIssue] = []
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

    /// Bad rows: defects, and rows for the rejects file.
    func add(_ issues: [RowIssue]) { pending += issues.map { ($0, true) } }

    /// Rows kept out by a defect of the header: rows for the rejects file, not defects of their own.
    func addKeptOut(_ rows: [RowIssue]) {
        if rejects == nil { rowsRejected += rows.count } else { pending += rows.map { ($0, false) } }
    }

    /// Defects of the file's header: shown first, and not rows.
    func addHeader(_ defects: [RowIssue]) { headerDefects += defects }

    /// Puts the file's issues in line order (a row's own issues stay in column order) and writes them out.
    func endFile() throws {
        let ordered = pending.enumerated().sorted { ($0.element.issue.line, $0.offset) < ($1.element.issue.line, $1.offset) }
            .map(\.element)
        pending = []
        let defects = headerDefects + ordered.filter(\.isDefect).map(\.issue)
        headerDefects = []
        count += defects.count
        rowsRejected += ordered.count
        shown += defects.prefix(Self.shownLimit - shown.count)
        try rejects?.write(contentsOf: RejectsCSV.rows(ordered.map(\.issue)))
    }

    func close() throws { try rejects?.close() }

    /// The refusal of an extract with these issues.
    var refusal: ExtractRefused { ExtractRefused(issues: shown, count: count) }
}
