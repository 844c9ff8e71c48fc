import PbRCore

/// A batch of a journal read's winners for `HistoryAssembly`: each record's kind, version and canonical
/// text, the texts end to end in one buffer. One allocation a batch, where a string a record cost an
/// allocation on the reading thread and a free on a decoding one, millions of times a run.
struct WinnerBatch: Sendable {
    typealias Winner = (kind: RecordKind, text: Range<Int>, version: VersionResolver.Version)
    private(set) var texts: [UInt8] = []
    private(set) var winners: [Winner] = []

    init(capacity: Int = 0) { winners.reserveCapacity(capacity) }

    var count: Int { winners.count }

    mutating func append(_ kind: RecordKind, text: some Collection<UInt8>, version: VersionResolver.Version) {
        let start = texts.count
        texts.append(contentsOf: text)
        winners.append((kind, start..<texts.count, version))
    }
}
