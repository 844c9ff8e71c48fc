import Foundation
import PbRCore

/// Imports one extract folder: all of it or nothing (unless bad rows are skipped), as one transaction.
///
/// It streams: each file is read a block at a time (`RecordBlocks`); while SQLite writes one block, the
/// next is checked against the store (`ImportChecks`) and the one after it parsed.
/// What is held at once is a block, a fixed-size filter of the keys seen, bounded caches of good ids and
/// the bad rows of one file, whatever the size of the extract.
public struct ExtractImport: Sendable {
    public var folder: URL
    public var importedBy: String
    /// Import the good rows when some are bad, instead of refusing the extract.
    public var skipBadRows = false
    /// Where the bad rows go, verbatim with their reasons; written only when the import completes.
    public var rejects: URL?
    /// Ignore columns and files that are not of the extract format, with a warning each, instead of
    /// refusing the extract.
    public var allowExtra = false
    /// Told how many more bytes have been read, and the bytes in all (each file is read twice: once for
    /// the digest, once to import it).
    public var progress: (@Sendable (_ bytes: Int, _ ofBytes: Int) -> Void)?

    public init(folder: URL, importedBy: String, skipBadRows: Bool = false, rejects: URL? = nil, allowExtra: Bool = false) {
        self.folder = folder; self.importedBy = importedBy; self.skipBadRows = skipBadRows; self.rejects = rejects
        self.allowExtra = allowExtra
    }

    /// - Returns: what was imported, with the warnings recorded in the audit trail.
    /// - Throws: `ExtractRefused` when the extract cannot be read or (without `skipBadRows`) has a bad row;
    ///   the store is then as it was.
    public func run(into target: any ImportTarget) async throws -> ImportReceipt {
        let extract = try ExtractFolder(folder, allowExtra: allowExtra)
        // The digest first, in a pass of its own: importing an extract a second time changes nothing, and
        // should cost no more than reading it.
        let totalBytes = 2 * extract.files.reduce(0) { $0 + $1.size }
        let digest = try extract.digest { progress?($0, totalBytes) }
        if let importID = try await target.importID(digest: digest) {
            return ImportReceipt(importID: importID, alreadyImported: true, rowsImported: 0, withdrawals: 0, rowsRejected: 0)
        }
        let header = ImportHeader(knownAt: extract.metadata.knownAt, source: extract.metadata.source, digest: digest,
                                  origin: folder.path, importedBy: importedBy)
        // The rejects file is written beside its place and moved there once the import is committed.
        let partial = rejects.map { $0.deletingLastPathComponent().appendingPathComponent(".\($0.lastPathComponent).partial") }
        let log = try IssueLog(rejects: partial)
        let receipt: ImportReceipt
        do {
            receipt = try await target.importing(header) { session in try await importFiles(of: extract, log: log, session: session) }
        } catch {
            try? log.close()
            if let partial { try? FileManager.default.removeItem(at: partial) }
            throw error
        }
        try? log.close()  // its rows were written as each file was done; nothing waits in a buffer
        guard let partial, let rejects else { return receipt }
        if receipt.alreadyImported {
            // Imported by another run while this one waited for the lock: nothing here was read.
            try? FileManager.default.removeItem(at: partial)
        } else if rename(partial.path, rejects.path) != 0 {
            throw ExtractRefused(issues: [RowIssue(file: rejects.path, line: 0,
                                                   reason: "import #\(receipt.importID) is done, but its rejects could not be moved here from \(partial.path)")])
        }
        return receipt
    }

    /// Every file, inside the import's transaction: what the audit trail records, or the refusal.
    private func importFiles(of extract: ExtractFolder, log: IssueLog, session: any ImportSession) async throws -> ImportOutcome {
        let knownAt = extract.metadata.knownAt
        var warnings = extract.warnings
        if let latest = try await session.latestImport(), let warning = ImportWarnings.earlier(knownAt, than: latest) {
            warnings.append(warning)
        }
        var checks = ImportChecks(session: session)
        for file in extract.files {
            warnings += try await importFile(file, knownOn: extract.metadata.knownOn, checks: &checks, log: log, session: session,
                                             totalBytes: 2 * extract.files.reduce(0) { $0 + $1.size })
        }
        guard extract.unchanged() else { throw ExtractRefused(issues: [
            RowIssue(file: "extract.yaml", line: 0, reason: "the extract changed while it was being imported; import it again"),
        ]) }
        if log.count > 0, !skipBadRows { throw log.refusal }
        return ImportOutcome(rowsRejected: log.rowsRejected, warnings: warnings)
    }

    /// One file: its blocks parsed one ahead of the block being written, so that both cores work.
    /// - Returns: the file's warnings.
    private func importFile(_ file: ExtractFile, knownOn: Day, checks: inout ImportChecks, log: IssueLog,
                            session: any ImportSession, totalBytes: Int) async throws -> [String] {
        var blocks = try RecordBlocks(url: file.url)
        defer { blocks.close() }
        guard let first = try blocks.next() else {
            throw ExtractRefused(issues: [RowIssue(file: file.kind.fileName, line: 1, reason: "is empty: a file that is present needs its header row")])
        }
        let (layout, start, line) = try FileLayout.read(file.kind, from: first, allowExtra: allowExtra)
        // Parsing is pure, and in two pieces, so that it uses both cores while SQLite writes the block before.
        @Sendable func parse(_ block: RecordBlocks.Block, from start: Int, line: Int) throws -> ParsedBlock {
            try ParsedBlock.parse(block.bytes, from: start, line: line, layout: layout, knownOn: knownOn, pieces: 2)
        }
        checks.startFile()
        var current: ParsedBlock? = try parse(first, from: start, line: line)
        // The rows of the block before, written while this one is checked and the next one parsed: SQLite's
        // thread is the import's slowest part, so it should never wait for the checks.
        var checkedBefore: [JournalRow] = []
        var repeats: [ImportChecks.Repeat] = []
        var keptOut = 0, lacking = 0
        while let block = current {
            progress?(block.bytes.count, totalBytes)
            let writing = checkedBefore
            async let written: Void = session.write(writing)
            let next = try blocks.next()
            async let following = next.map { try parse($0, from: 0, line: $0.firstLine) }
            let checked = try await checks.check(block, writing: writing)
            try await written
            log.add(checked.issues)
            log.addKeptOut(block.keptOut)
            keptOut += block.keptOut.count
            lacking += block.lacking
            repeats += checked.repeats
            checkedBefore = checked.rows
            current = try await following
        }
        // All of the file is in the store before the next file's rows are checked against it.
        try await session.write(checkedBefore)
        if !repeats.isEmpty {
            let firstLines = try FirstLines.of(Set(repeats.map(\.key)), in: file.url, layout: layout)
            log.add(repeats.map { $0.issue(firstOn: firstLines[$0.key] ?? 0) })
        }
        let headerDefects = layout.defects(keptOut: keptOut, lacking: lacking)
        log.addHeader(headerDefects)
        try log.endFile()
        // With --skip-bad-rows the import goes ahead: a header that kept rows out is said, not only in the rejects.
        let keptOutWarnings = skipBadRows ? headerDefects.map { $0.description + "; the rows it kept out are in the rejects file" } : []
        return layout.warnings + keptOutWarnings + [checks.late.warning(file.kind, knownOn: knownOn)].compactMap { $0 }
    }
}
